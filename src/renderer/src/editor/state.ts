import { compositionUndoPlugin } from './composition'
import type { Node } from 'prosemirror-model'
import { EditorState, type Plugin } from 'prosemirror-state'
import { history } from 'prosemirror-history'
import { dropCursor } from 'prosemirror-dropcursor'
import { gapCursor } from 'prosemirror-gapcursor'
import { schema } from '@core/schema'
import type { NumberingOptions } from '@core/numbering'
import { withRepairedIds } from '@core/ids'
import { docWithMeta, metaOfDoc } from '@core/meta'
import { numberingPlugin } from './numbering-plugin'
import { statsPlugin } from './stats-plugin'
import { autoMarksPlugin } from './auto-marks'
import { focusPlugin } from './focus'
import { searchPlugin } from './find'
import { buildKeymaps } from './keymap'
import { buildInputRules } from './input-rules'
import { labelRefreshPlugin } from './labels'
import { undoStepsPlugin } from './undo-steps'
import { caretBlockPlugin } from './caret-block'
import { caretScrollPlugin } from './caret-scroll'
import { referenceGuardPlugin } from './reference-guard'
import { blockEdgesPlugin } from './block-edges'
import { structuredPastePlugin } from './structured-paste'
import { autoCorrectPlugin } from './autocorrect'
import { trackingPlugin } from './tracking'
import { stagedRenderingPlugin } from './staged-rendering'

/**
 * The editor state of a report: its document with every plugin the report
 * editor needs (numbering, counts, auto-marks and id repair, focus mode,
 * search highlights, history, keys).
 */

/** What a report editor state starts from. */
export interface ReportStateConfig extends Partial<NumberingOptions> {
  /**
   * The report document, its metadata in its attributes; ids are repaired if
   * missing or repeated. A `language` or `recommendationStyle` given here
   * replaces the document's own.
   */
  doc: Node
  /** Extra plugins (e.g. the app's own), added after the editor's. */
  plugins?: Plugin[]
}

/** The report editor's plugins, in the order they must run (numbering before counts). */
export function reportPlugins(): Plugin[] {
  return [
    blockEdgesPlugin(),
    structuredPastePlugin(),
    autoCorrectPlugin(),
    buildInputRules(),
    ...buildKeymaps(),
    history(),
    compositionUndoPlugin(),
    trackingPlugin(),
    dropCursor(),
    gapCursor(),
    numberingPlugin(),
    statsPlugin(),
    autoMarksPlugin(),
    focusPlugin(),
    searchPlugin(),
    labelRefreshPlugin(),
    caretBlockPlugin(),
    caretScrollPlugin(),
    referenceGuardPlugin(),
    stagedRenderingPlugin(),
    // Last: it closes the undo step after a command and anything appended to it.
    undoStepsPlugin()
  ]
}

/** Creates the editor state for a report document. */
export function createReportState(config: ReportStateConfig): EditorState {
  let doc = withRepairedIds(config.doc)
  const meta = metaOfDoc(doc)
  const language = config.language ?? meta.language
  const recommendationStyle = config.recommendationStyle ?? meta.settings.recommendationStyle
  if (recommendationStyle !== meta.settings.recommendationStyle || language !== meta.language)
    doc = docWithMeta(doc, {
      ...meta,
      language,
      settings: { ...meta.settings, recommendationStyle }
    })
  return EditorState.create({
    schema,
    doc,
    plugins: [...reportPlugins(), ...(config.plugins ?? [])]
  })
}
