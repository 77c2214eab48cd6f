// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { TextSelection } from 'prosemirror-state'
import { useReportStore } from '@renderer/stores/report'
import { trackingOf } from '@renderer/editor/tracking'
import { mountApp } from './mount-app'

/** The review panel and the Track button in the app, against a stand-in host. */

describe('review in the app', () => {
  let wrapper: VueWrapper | null = null
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
  })

  it('records typing under the default author when no name is set, and accepts it from the panel', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    const report = useReportStore()
    const view = report.getView()!
    await wrapper.find('[data-command=track-changes]').trigger('click')
    expect(wrapper.find('[data-command=track-changes]').attributes('aria-pressed')).toBe('true')
    expect(trackingOf(view.state)).toMatchObject({ enabled: true, author: 'Author', initials: 'A' })
    let target = 0
    view.state.doc.descendants((node, pos) => {
      if (!target && node.type.name === 'numbered_paragraph') target = pos + 1
      return !target
    })
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, target)))
    view.dispatch(view.state.tr.insertText('New words '))
    await flushPromises()
    expect(view.dom.querySelector('ins.suggestion')?.textContent).toBe('New words ')

    await wrapper.find('[data-command=review]').trigger('click')
    expect(wrapper.find('.review-count').text()).toBe('1 suggestion(s)')
    await wrapper.find('[data-review=accept-all]').trigger('click')
    expect(view.dom.querySelector('ins.suggestion')).toBeNull()
    expect(view.state.doc.textContent).toContain('New words ')
    expect(wrapper.find('.review-count').text()).toBe('0 suggestion(s)')
  })

  it('adds a comment on the block at the cursor and shows it in the margin', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    const view = useReportStore().getView()!
    let target = 0
    view.state.doc.descendants((node, pos) => {
      if (!target && node.type.name === 'numbered_paragraph') target = pos + 1
      return !target
    })
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, target)))
    await wrapper.find('[data-command=review]').trigger('click')
    await wrapper.find('textarea[name=new-comment]').setValue('Shorten this.')
    await wrapper.find('[data-review=comment]').trigger('click')
    const thread = wrapper.find('.review-thread')
    expect(thread.text()).toContain('Shorten this.')
    expect(thread.classes()).not.toContain('lost')
    await thread.find('input[name=reply]').setValue('Done.')
    await thread.find('[data-review=reply]').trigger('click')
    expect(wrapper.find('.review-thread').text()).toContain('Done.')
  })
})
