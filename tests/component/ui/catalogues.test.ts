import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MESSAGES } from '../../../src/renderer/src/i18n'

/**
 * The interface speaks six languages from one message file each: every file
 * has every key, keeps every placeholder, and no component spells text of
 * its own outside them.
 */

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

const reference = flatten(MESSAGES.en as unknown as Tree)

describe('interface catalogues', () => {
  it.each(Object.keys(MESSAGES).filter((language) => language !== 'en'))(
    '%s has every key of English, each translated, with the same placeholders',
    (language) => {
      const messages = flatten(MESSAGES[language as keyof typeof MESSAGES] as unknown as Tree)
      expect([...messages.keys()].sort()).toEqual([...reference.keys()].sort())
      for (const [key, english] of reference) {
        const text = messages.get(key)!
        expect(text.trim(), key).not.toBe('')
        // Plural forms may drop {count} in a singular branch ("One open comment").
        const needed = english.includes('|')
          ? placeholders(english.split('|').at(-1)!)
          : placeholders(english)
        const given = text.includes('|')
          ? placeholders(text.split('|').at(-1)!)
          : placeholders(text)
        expect(given, `${language}: ${key}`).toEqual(needed)
      }
    }
  )

  it('the French, Spanish, Russian and Arabic files are translations, not copies of English', () => {
    for (const language of ['fr', 'es', 'ru', 'ar'] as const) {
      const messages = flatten(MESSAGES[language] as unknown as Tree)
      const sentences = [...reference].filter(([, english]) =>
        /\p{L}+\s+\p{L}+\s+\p{L}+/u.test(english)
      )
      const copied = sentences.filter(([key, english]) => messages.get(key) === english)
      // A word may be the same in two languages ("Session", "Versions"); a sentence is not.
      expect(
        copied.map(([key]) => key),
        language
      ).toEqual([])
    }
  })

  it('no component spells user-visible text outside the catalogues', () => {
    const folder = join(__dirname, '../../../src/renderer/src')
    const files = [
      join(folder, 'App.vue'),
      ...readdirSync(join(folder, 'components')).map((file) => join(folder, 'components', file))
    ].filter((file) => file.endsWith('.vue'))
    const offending: string[] = []
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
      const template = /<template>([\s\S]*)<\/template>/.exec(source)?.[1] ?? ''
      const withoutCode = template.replace(/<!--[\s\S]*?-->/g, '').replace(/\{\{[\s\S]*?\}\}/g, '')
      // A tag, with quoted attribute values that may themselves hold ">".
      const tags = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g
      for (const text of withoutCode.split(tags))
        if (/\p{L}{2,}/u.test(text)) offending.push(`${file}: text "${text.trim()}"`)
      // Static attributes a user reads or hears.
      for (const tag of withoutCode.match(tags) ?? [])
        for (const match of tag.matchAll(/\s(title|aria-label|placeholder|alt)="([^"]*)"/g))
          if (/\p{L}{2,}/u.test(match[2])) offending.push(`${file}: ${match[1]}="${match[2]}"`)
    }
    expect(offending).toEqual([])
  })
})
