import type { Document, Element } from '@xmldom/xmldom'
import { numeralForWordFormat } from '../../labels'
import { IMPORT_BUDGETS } from '../budgets'
import { ImportError } from '../errors'
import { child, children, wAttr } from './xml'

/**
 * Word's list numbering (numbering.xml). The numbers Word shows are not in
 * the text: they come from a definition per list (`w:num` → `w:abstractNum`,
 * one level per depth) and counters that run through the document. This
 * module replays those counters to recover each paragraph's printed label.
 */

interface Level {
  start: number
  format: string
  text: string
}

interface NumberingInstance {
  abstractId: string
  /** Levels whose start this instance overrides (so the list starts again). */
  startOverrides: Map<number, number>
  /** Levels this instance redefines entirely. */
  levelOverrides: Map<number, Level>
}

/** The numbering definitions of a document. */
export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, Level>>
  instances: Map<string, NumberingInstance>
}

/** Reads numbering.xml (absent → no definitions). */
export function readNumbering(document: Document | undefined): NumberingDefinitions {
  const definitions: NumberingDefinitions = { abstracts: new Map(), instances: new Map() }
  const root = document?.documentElement
  if (!root) return definitions
  for (const abstract of children(root, 'abstractNum')) {
    const levels = new Map<number, Level>()
    for (const level of children(abstract, 'lvl'))
      levels.set(Number(wAttr(level, 'ilvl') ?? 0), readLevel(level))
    definitions.abstracts.set(wAttr(abstract, 'abstractNumId') ?? '', levels)
  }
  for (const num of children(root, 'num')) {
    const instance: NumberingInstance = {
      abstractId: wAttr(child(num, 'abstractNumId')) ?? '',
      startOverrides: new Map(),
      levelOverrides: new Map()
    }
    for (const override of children(num, 'lvlOverride')) {
      const ilvl = Number(wAttr(override, 'ilvl') ?? 0)
      const start = wAttr(child(override, 'startOverride'))
      if (start !== undefined) instance.startOverrides.set(ilvl, listStart(start))
      const level = child(override, 'lvl')
      if (level) instance.levelOverrides.set(ilvl, readLevel(level))
    }
    definitions.instances.set(wAttr(num, 'numId') ?? '', instance)
  }
  return definitions
}

function readLevel(level: Element): Level {
  return {
    start: listStart(wAttr(child(level, 'start')) ?? '1'),
    format: wAttr(child(level, 'numFmt')) ?? 'decimal',
    text: wAttr(child(level, 'lvlText')) ?? ''
  }
}

/**
 * A list's start value, within the import budget: the printed number is built
 * from it (a start of 10^12 in Roman numerals is a billion letters). Throws
 * `ImportError` past the budget; a value that is no number starts at 1, as in Word.
 */
function listStart(value: string): number {
  const start = Number(value)
  if (!Number.isInteger(start) || start < 0) return 1
  if (start > IMPORT_BUDGETS.listStart)
    throw new ImportError(
      'too-large',
      `A list in this Word file starts at ${value.slice(0, 20)}, beyond the import budget of ${IMPORT_BUDGETS.listStart.toLocaleString('en')} for a list's start value: the file is damaged or was made to stall a reader, and was refused.`
    )
  return start
}

/** One counter value in a Word number format (the label specs' numeral systems, digits for others). */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
      return formatNumber(value, 'chineseCounting')
    case 'decimalZero':
      return String(value).padStart(2, '0')
    case 'none':
      return ''
    default:
      return numeralForWordFormat(format)?.format(value) ?? String(value)
  }
}

/** Replays Word's list counters through a document, paragraph by paragraph. */
export class NumberingCounter {
  /** Counters per list instance (numId), one per level; undefined = not started. */
  private readonly counters = new Map<string, Array<number | undefined>>()

  constructor(private readonly definitions: NumberingDefinitions) {}

  /**
   * The label Word prints for the next paragraph of list `numId` at level
   * `ilvl`, or undefined; `definition` names the list definition it follows.
   */
  next(
    numId: string,
    ilvl: number
  ): { label: string; bullet: boolean; definition: string } | undefined {
    // Word has nine list levels (0–8); any other is damage, and would make sparse counter arrays.
    if (numId === '0' || !Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) return undefined
    const instance = this.definitions.instances.get(numId)
    if (!instance) return undefined
    const levels = this.definitions.abstracts.get(instance.abstractId)
    const levelOf = (i: number): Level | undefined =>
      instance.levelOverrides.get(i) ?? levels?.get(i)
    const level = levelOf(ilvl)
    if (!level) return undefined
    const startOf = (i: number) => instance.startOverrides.get(i) ?? levelOf(i)?.start ?? 1
    // Instances of one definition without overrides continue each other, as in Word.
    const key =
      instance.startOverrides.size || instance.levelOverrides.size
        ? numId
        : `abstract:${instance.abstractId}`
    let counters = this.counters.get(key)
    if (!counters) {
      counters = []
      this.counters.set(key, counters)
    }
    const current = counters[ilvl]
    counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1
    // A deeper level starts again under each new item of this level.
    for (let deeper = ilvl + 1; deeper < 9; deeper++) counters[deeper] = undefined
    if (level.format === 'bullet')
      return { label: level.text, bullet: true, definition: instance.abstractId }
    const label = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1
      const value = counters[at] ?? startOf(at)
      return formatNumber(value, levelOf(at)?.format ?? 'decimal')
    })
    return { label, bullet: false, definition: instance.abstractId }
  }
}
