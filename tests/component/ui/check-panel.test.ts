// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { useReportStore } from '@renderer/stores/report'
import { fakeApi } from './fake-api'
import { mountApp } from './mount-app'

/** Types `text` at the start of the first numbered paragraph's place: the end of chapter I's heading's next block. */
function typeIntoFirstParagraph(text: string): void {
  const view = useReportStore().getView()!
  let at = -1
  view.state.doc.descendants((node, pos) => {
    if (at < 0 && node.type.name === 'numbered_paragraph') at = pos + 1
    return at < 0
  })
  if (at < 0) {
    // The template's chapters may hold no paragraph yet: add one after the first heading.
    const heading = view.state.doc.firstChild!.firstChild!
    const paragraph = view.state.schema.nodes.numbered_paragraph.create(
      null,
      view.state.schema.text(text)
    )
    view.dispatch(view.state.tr.insert(1 + heading.nodeSize, paragraph))
    return
  }
  view.dispatch(view.state.tr.insertText(text, at))
}

function rowKinds(wrapper: VueWrapper): string[] {
  return wrapper.findAll('.check-row').map((row) => row.attributes('data-kind')!)
}

describe('the Check panel', () => {
  let wrapper: VueWrapper | null = null
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
  })

  it('lists the template’s open points, follows typing, and jumps to a finding', async () => {
    wrapper = (await mountApp()).wrapper
    await wrapper.find('[data-command=check]').trigger('click')
    expect(rowKinds(wrapper)).toContain('masthead')
    expect(rowKinds(wrapper)).not.toContain('square-brackets')
    expect(wrapper.find('[data-check=summary]').text()).toMatch(/^0 blocking/)

    typeIntoFirstParagraph('Held its [thirteenth] session.')
    await vi.waitFor(() => expect(rowKinds(wrapper!)[0]).toBe('square-brackets'))
    expect(wrapper.find('[data-check=summary]').text()).toMatch(/^1 blocking/)
    const row = wrapper.find('.check-row[data-kind=square-brackets]')
    expect(row.text()).toContain('In square brackets: [thirteenth]')
    expect(row.text()).toContain('paragraph 1')

    await row.trigger('click')
    const { state } = useReportStore().getView()!
    expect(state.doc.textBetween(state.selection.from, state.selection.from + 12)).toBe(
      '[thirteenth]'
    )
  })

  it('F7 opens it', async () => {
    wrapper = (await mountApp()).wrapper
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F7' }))
    await vi.waitFor(() => expect(wrapper!.find('.check-panel').exists()).toBe(true))
  })

  it('export asks first while something blocks: the panel, or export anyway', async () => {
    const api = fakeApi()
    wrapper = (await mountApp(api)).wrapper
    typeIntoFirstParagraph('The [thirteenth] session.')
    await wrapper.find('[data-command=export-docx]').trigger('click')
    await vi.waitFor(() => expect(wrapper!.find('.question-detail').exists()).toBe(true))
    expect(wrapper.find('.question-detail').text()).toBe('1 passage(s) still in square brackets.')
    await wrapper.find('[data-choice=check]').trigger('click')
    await flushPromises()
    expect(api.exportDocx).not.toHaveBeenCalled()
    expect(wrapper.find('.check-panel').exists()).toBe(true)

    await wrapper.find('[data-command=export-docx]').trigger('click')
    await vi.waitFor(() => expect(wrapper!.find('[data-choice=export]').exists()).toBe(true))
    await wrapper.find('[data-choice=export]').trigger('click')
    await vi.waitFor(() => expect(api.exportDocx).toHaveBeenCalledTimes(1))
  })

  it('export goes straight ahead when nothing blocks', async () => {
    const api = fakeApi()
    wrapper = (await mountApp(api)).wrapper
    await wrapper.find('[data-command=export-docx]').trigger('click')
    await vi.waitFor(() => expect(api.exportDocx).toHaveBeenCalledTimes(1))
    expect(wrapper.find('.question-detail').exists()).toBe(false)
  })
})
