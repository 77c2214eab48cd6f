/**
 * The report editor: a ProseMirror editor for UN meeting reports. The app
 * imports everything it needs from this module only.
 *
 * - State: `createReportState` builds an EditorState with all plugins.
 * - View: `createReportView` mounts it with the report's node views.
 * - Commands: `(state, dispatch?, view?) => boolean`, for menus, keys and context menus alike.
 * - Queries: numbering, outline, cursor location, counts, reference targets.
 */
export { createReportState, reportPlugins, type ReportStateConfig } from './state'
export {
  numberingOf,
  numberedItem,
  labelOf,
  numberingOptionsOf,
  numberingVersion,
  numberingRecomputations,
  setNumberingOptions
} from './numbering-plugin'
export { countsOf, type ReportCounts } from './stats-plugin'
export { reportMetaOf, setReportMeta } from './meta'
export {
  addChapter,
  addSection,
  addSubsection,
  deleteContainer,
  moveContainer,
  moveContainerTo,
  renameContainer,
  setContainerStatus,
  type Direction,
  type Placement
} from './commands/containers'
export {
  deleteBlock,
  moveBlockToContainer,
  insertList,
  insertNumberedParagraph,
  insertRecommendation,
  liftListLevel,
  moveBlock,
  moveBlockDown,
  moveBlockUp,
  sinkListLevel,
  toggleNumbered
} from './commands/blocks'
export { followReference, insertCrossReference, insertFootnote } from './commands/inline'
export {
  findMatches,
  findNext,
  replaceAll,
  replaceNext,
  searchMatchCount,
  setSearch,
  type FindMatch,
  type FindOptions
} from './find'
export { focusedSection, setFocusSection } from './focus'
export { KEY_BINDINGS } from './keymap'
export { undo, redo, undoDepth, redoDepth } from 'prosemirror-history'
export { toggleMark } from 'prosemirror-commands'
/** An editor command: `(state, dispatch?, view?) => boolean`, false when it does not apply. */
export type { Command as EditorCommand } from 'prosemirror-state'
export { createReportView, REPORT_NODE_VIEWS, type ReportViewHooks } from './view'
export { refreshLabels } from './labels'
export { hasDormantContainers, isStageWake, renderAllStages } from './staged-rendering'
export {
  brokenReferences,
  bracketCount,
  cursorLocation,
  outlineOf,
  referenceTargets,
  wordCount,
  type BrokenReference,
  type CursorLocation,
  type OutlineEntry,
  type ReferenceTarget
} from './queries'
export { cleanPastedHTML, transformPasted } from './paste'
export { activeFootnoteEditor } from './footnote-view'
export { brokenByLastEdit, dismissBrokenReferences, type BrokenByEdit } from './reference-guard'
export {
  pasteFromMenu,
  pastedHeadingsAsText,
  structuredPaste,
  type StructuredPaste
} from './structured-paste'
export {
  AUTOCORRECT_ON,
  autoCorrectOf,
  setAutoCorrect,
  type AutoCorrectOptions
} from './autocorrect'
