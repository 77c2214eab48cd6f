import { EditorState } from 'prosemirror-state'
import { idsToRepair, repairIds, withRepairedIds } from '../../src/core/ids'
import { chapter, doc, h, np } from '../builders'

describe('ids', () => {
  it('finds missing and repeated ids, keeping the first holder', () => {
    const d = doc(
      chapter({ id: 'c1' }, h('A'), np({ id: 'p1' }, 'x'), np({ id: 'p1' }, 'y'), np('z'))
    )
    const repaired = withRepairedIds(d)
    const ids: string[] = []
    repaired.descendants((node) => {
      if (node.attrs.id !== undefined) ids.push(node.attrs.id as string)
    })
    expect(ids[0]).toBe('c1')
    expect(ids[1]).toBe('p1')
    expect(new Set(ids).size).toBe(4)
    expect(idsToRepair(repaired)).toEqual([])
  })

  it('repairs in a transaction and leaves sound documents alone', () => {
    const d = doc(chapter({ id: 'c1' }, h('A'), np({ id: 'p1' }, 'x')))
    const state = EditorState.create({ doc: d })
    expect(repairIds(state.tr)).toBeNull()
    const pasted = state.tr.insert(d.content.size - 1, np({ id: 'p1' }, 'copy'))
    const fixed = repairIds(pasted)!
    expect(idsToRepair(fixed.doc)).toEqual([])
    expect(fixed.doc.firstChild!.child(1).attrs.id).toBe('p1')
  })
})
