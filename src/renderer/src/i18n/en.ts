/** English interface messages (the reference set: every key exists here). */
export const en = {
  app: { loading: 'Opening…', untitled: 'Untitled report' },
  action: {
    cancel: 'Cancel',
    close: 'Close',
    dismiss: 'Dismiss',
    save: 'Save',
    dontSave: 'Don’t save',
    keepMine: 'Keep my version',
    loadDisk: 'Load the version on disk',
    overwrite: 'Overwrite',
    saveAsCopy: 'Save as…',
    structure: 'Structure it',
    pastePlain: 'Paste as plain text'
  },
  ask: {
    unsavedTitle: 'Save the changes to “{title}”?',
    unsavedDetail: 'Your changes will be lost if you don’t save them.',
    conflictTitle: 'The file changed on disk',
    structureTitle: 'Structure the pasted report?',
    structureDetail:
      'This looks like a whole report. Rapporteur can recognize its chapters, sections, numbered paragraphs, recommendations, lists and footnotes, and list anything it was unsure about.'
  },
  editor: { label: 'Report text' },
  toolbar: {
    label: 'Report tools',
    new: 'New',
    newTitle: 'New report from the standard template',
    open: 'Open',
    openTitle: 'Open a report (Ctrl+O)',
    save: 'Save',
    saveTitle: 'Save (Ctrl+S)',
    import: 'Import',
    importTitle: 'Import a .txt or .docx report',
    export: 'Export to Word',
    exportTitle: 'Export the official .docx',
    undo: 'Undo (Ctrl+Z)',
    redo: 'Redo (Ctrl+Y)',
    recommendation: 'Recommendation',
    recommendationTitle: 'Insert recommendation (Ctrl+Alt+R)',
    footnote: 'Footnote',
    footnoteTitle: 'Insert footnote (Ctrl+Alt+F)',
    reference: 'Reference',
    referenceTitle: 'Insert cross-reference…',
    numbered: '¶ 1.',
    numberedTitle: 'Numbered / unnumbered paragraph',
    find: 'Find',
    findTitle: 'Find and replace (Ctrl+F)',
    focus: 'Focus',
    focusTitle: 'Show one section at a time',
    masthead: 'Masthead',
    settings: 'Settings',
    versions: 'Versions',
    versionsTitle: 'Earlier versions of this file',
    unsaved: 'Unsaved changes',
    bold: 'Bold (Ctrl+B)',
    italic: 'Italic (Ctrl+I)',
    outdent: 'List level out (Shift+Tab)',
    indent: 'List level in, (a) to (i) (Tab)'
  },
  outline: {
    label: 'Outline',
    addChapter: 'Add chapter after the selected one',
    addSection: 'Add section after the selected one',
    addSubsection: 'Add subsection to the selected section',
    chapterShort: 'Chapter',
    sectionShort: 'Section',
    subsectionShort: 'Sub',
    newChapterTitle: 'New chapter',
    newSectionTitle: 'New section',
    newSubsectionTitle: 'New subsection',
    moveUp: 'Move up (Alt+↑)',
    moveDown: 'Move down (Alt+↓)',
    rename: 'Rename',
    delete: 'Delete',
    deleted: 'Deleted {label}. Undo with Ctrl+Z.',
    status: 'Drafting status',
    untitled: '(untitled)',
    selected: 'Selected entry'
  },
  status: {
    draft: 'Draft',
    review: 'In review',
    agreed: 'Agreed',
    paragraph: 'para. {label}',
    nowhere: 'Ready',
    words: '{words} / {limit} words',
    broken: 'Broken references: {count}',
    brackets: 'Brackets: {count}'
  },
  find: {
    find: 'Find',
    replaceWith: 'Replace with',
    count: '{current} of {count}',
    matchCase: 'Match case',
    previous: 'Previous (Shift+Enter)',
    next: 'Next (Enter)',
    replace: 'Replace',
    replaceAll: 'Replace all',
    replaced: 'Replaced {count} occurrences.'
  },
  menu: {
    cut: 'Cut',
    copy: 'Copy',
    subparagraphList: 'Insert sub-paragraph list (a), (b)…',
    agendaList: 'Insert agenda list 1., 2.…',
    moveBlockUp: 'Move block up',
    moveBlockDown: 'Move block down',
    moveBlockTo: 'Move to section…',
    deleteBlock: 'Delete block'
  },
  panel: {
    masthead: 'Masthead',
    settings: 'Settings',
    'import-notes': 'Import notes'
  },
  masthead: {
    clickToEdit: 'Click to edit the masthead',
    noSymbol: 'No document symbol',
    problems: 'The masthead has {count} problem(s): open it to fix them.',
    symbol: 'Document symbol',
    distribution: 'Distribution',
    date: 'Date of issue',
    originalLanguage: 'Original language',
    parentBody: 'Parent body',
    subsidiaryBody: 'Subsidiary body',
    session: 'Session',
    meeting: 'Meeting dates and place',
    agendaItem: 'Agenda item',
    agendaSymbol: 'Provisional agenda (symbol, for the * footnote)',
    title: 'Title',
    jobNumber: 'Job number',
    problem: {
      symbol: 'Not a UN document symbol (e.g. CTOC/COP/WG.4/2019/L.1): not applied.',
      date: 'Write the date as yyyy-mm-dd: not applied.',
      other: '{message}'
    }
  },
  settings: {
    footerBarcode: 'Barcode of the job number on page 1 (Word export)',
    footerQrCode: 'QR code of the undocs.org address on page 1 (Word export)',
    report: 'This report',
    language: 'Report language',
    recommendationStyle: 'Recommendations',
    styleBlock: 'Blocks headed “Recommendation N”',
    styleParagraph: 'Numbered as paragraphs',
    wordLimit: 'Word limit',
    limitProblem: 'A whole number of words, at least 1.',
    secretariat: 'Secretariat (8,500)',
    other: 'Other (10,700)',
    app: 'Rapporteur',
    uiLanguage: 'Interface language',
    autosaveToFile: 'Save the file automatically after a pause in typing',
    versionsKept: 'Earlier versions kept per report'
  },
  language: {
    en: 'English',
    fr: 'French',
    es: 'Spanish',
    ru: 'Russian',
    zh: 'Chinese',
    ar: 'Arabic'
  },
  uiLanguage: { en: 'English', zh: '中文' },
  importNotes: {
    intro: 'The importer was unsure about {count} place(s). Click a note to go there.',
    line: 'Line {line}',
    gone: 'That place is no longer in the report.'
  },
  reference: {
    title: 'Insert reference',
    search: 'Number or words, e.g. 12, II.B, recommendation 3, smuggling',
    none: 'Nothing matches.',
    insert: 'Insert'
  },
  recovery: {
    title: 'Recover unsaved work',
    intro:
      'Rapporteur closed before these reports were saved. Restore them, or discard the copies.',
    neverSaved: 'never saved',
    fileMissing: 'file no longer on disk',
    sameSize: 'same length as on disk',
    longer: '{count} characters longer than on disk',
    shorter: '{count} characters shorter than on disk',
    savedAt: 'kept {time}',
    restore: 'Restore',
    discard: 'Discard',
    later: 'Decide later'
  },
  versions: {
    title: 'Earlier versions',
    notSaved: 'This report has not been saved yet.',
    none: 'No earlier versions are kept yet: one is kept each time you save.',
    restore: 'Open as new document'
  },
  moveBlock: {
    title: 'Move to section',
    filter: 'Label or title, e.g. II.B',
    notMoved: 'The block is already there.'
  },
  newReport: {
    title: 'New report',
    hint: 'The report starts from the standard outline of a working-group report in that language.',
    create: 'Create'
  },
  notice: {
    cannotOpen: 'Cannot open the report: {message}',
    saveFailed: 'The report was not saved: {message}',
    recoveryFailed: 'The recovery copy could not be written: {message}',
    exporting: 'Exporting to Word…',
    exported: 'Exported to {path}',
    exportFailed: 'Export failed: {message}',
    imported: 'Imported. {count} note(s) to check.',
    changedOnDisk: 'This file was changed by another program since you opened it.',
    reloaded: 'The file changed on disk and was reloaded.',
    brokenReference: 'The referenced paragraph no longer exists.',
    structureFailed: 'The text could not be structured: {message}'
  }
}

/** The shape every interface language provides. */
export type Messages = typeof en
