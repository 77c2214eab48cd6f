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
    saveAs: 'Save As',
    saveAsTitle: 'Save under another name (Ctrl+Shift+S)',
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
    check: 'Check',
    checkTitle: 'What to settle before the report circulates (F7)',
    versionsTitle: 'Earlier versions of this file',
    unsaved: 'Unsaved changes',
    bold: 'Bold (Ctrl+B)',
    italic: 'Italic (Ctrl+I)',
    outdent: 'List level out (Shift+Tab)',
    indent: 'List level in, (a) to (i) (Tab)'
  },
  outline: {
    expand: 'Show the outline',
    collapse: 'Hide the outline',
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
    paste: 'Paste',
    pastePlain: 'Paste as plain text',
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
    'import-notes': 'Import notes',
    check: 'Check',
    review: 'Review'
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
    spellingDownloads:
      'Download spelling dictionaries from the internet when one is missing (Google’s servers)',
    versionsKept: 'Earlier versions kept per report',
    autoCorrect: 'AutoCorrect as you type',
    autoCorrectRule: {
      quotes: 'Typographic quotation marks of the report language (“ ”, « »)',
      dashes: 'En dash in number ranges (3–5, 2019–2020)',
      nonBreakingSpaces: 'Keep “paragraph 12”, “article 5” … on one line'
    }
  },
  language: {
    en: 'English',
    fr: 'French',
    es: 'Spanish',
    ru: 'Russian',
    zh: 'Chinese',
    ar: 'Arabic'
  },
  check: {
    intro: 'What to settle before the report circulates. Click a row to go there.',
    summary: '{blocking} blocking · {warnings} to look at',
    clean: 'Nothing to settle: the report is ready to circulate.',
    blocking: 'Blocks circulation',
    warning: 'To look at',
    report: 'Whole report',
    open: 'Open the Check panel',
    exportAnyway: 'Export anyway',
    exportTitle: '{count} problem(s) block circulation',
    blockingBrackets: '{count} passage(s) still in square brackets.',
    blockingReferences: '{count} cross-reference(s) to deleted text.',
    kind: {
      'square-brackets': 'In square brackets: {text}',
      'broken-reference': 'Reference to text that no longer exists',
      'word-limit':
        '{words} words against a limit of {limit} (footnotes: {footnoteWords}, counted apart)',
      'empty-container': 'Empty {container}: nothing under its heading',
      'not-agreed': '{container} still “{status}”, not agreed',
      untranslated: 'Not yet translated: {text}',
      'empty-paragraph': 'Empty paragraph',
      'footnote-in-heading': 'Footnote mark in a heading',
      'recommendation-placement':
        'Recommendation outside the recommendations chapter (in {chapter})',
      'import-note': 'Import note (line {line}): {message}'
    },
    container: { chapter: 'chapter', section: 'section', subsection: 'subsection' },
    masthead: {
      missing: 'Masthead: {field} is missing',
      malformed: 'Masthead: {field} is malformed (expected {expected})'
    },
    field: {
      symbol: 'document symbol',
      distribution: 'distribution',
      date: 'date',
      originalLanguage: 'original language',
      parentBody: 'parent body',
      subsidiaryBody: 'body',
      session: 'session',
      meeting: 'meeting dates and place',
      agendaItem: 'agenda item',
      title: 'title',
      jobNumber: 'job number'
    },
    symbol: {
      'not-linked': 'Document symbol {symbol} is not linked',
      'own-symbol': 'The report cites its own symbol {symbol}',
      mismatch: 'Link {symbol} differs from the text it marks'
    },
    review: {
      suggestion: 'One open suggestion | {count} open suggestions',
      comment: 'One open comment | {count} open comments'
    }
  },
  importNotes: {
    intro: 'The importer was unsure about {count} place(s). Click a note to go there.',
    line: 'Line {line}',
    gone: 'That place is no longer in the report.',
    confidence: {
      high: 'The structure was read with confidence: little to check.',
      medium: 'Most of the structure was read with confidence: check the groups below.',
      low: 'Much of the structure was guessed: check the groups below before relying on it.'
    },
    kind: {
      footnotes: 'Footnotes',
      headings: 'Chapters, sections and annexes',
      paragraphs: 'Numbered paragraphs and recommendations',
      lists: 'Lists',
      masthead: 'Masthead',
      text: 'Text',
      other: 'Other'
    }
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
  compare: {
    withVersion: 'Compare',
    withVersionTitle: 'Show what changed since this version, as suggestions',
    withFile: 'Compare with file…',
    shown:
      'Changes since {name} are shown as suggestions: {insertions} insertion(s), {deletions} deletion(s), {moves} move(s).',
    none: 'No differences from {name}.',
    failed: 'Cannot compare: {message}',
    pendingSuggestions:
      'Accept or reject the suggestions already in this report before comparing it with another version.'
  },
  moveBlock: {
    where: 'Where in the section',
    atStart: 'At the start of its text',
    atEnd: 'At the end of its text (before its subsections)',
    title: 'Move to section',
    filter: 'Label or title, e.g. II.B',
    notMoved: 'The block is already there.'
  },
  newReport: {
    title: 'New report',
    hint: 'The report starts from the standard outline of a working-group report in that language.',
    create: 'Create'
  },
  languageVersion: {
    button: 'Language version',
    buttonTitle: 'New language version of this report (same numbers, texts marked for translation)',
    sideBySideButton: 'Side by side',
    sideBySideTitle: 'Show another language version of this report beside it',
    title: 'New language version',
    language: 'Language of the new version',
    hint: 'The new version keeps every chapter, section, paragraph number, recommendation, footnote and reference. Each text stays in the original language, marked as not yet translated, until it is translated. Save it under its own name.',
    create: 'Create',
    created: '{language} version created: every text is marked for translation.',
    sideBySide: 'Language versions side by side',
    differences:
      'No structural difference | One structural difference | {count} structural differences',
    number: 'No.',
    thisReport: 'This report ({language})',
    recommendation: 'Recommendation {n}',
    missingHere: 'Missing from this report',
    missingThere: 'Missing from the other version',
    numberedThere: 'Numbered {path} in the other version',
    differentKind: 'A different kind of block in the other version'
  },
  notice: {
    cannotOpen: 'Cannot open the report: {message}',
    saveFailed: 'The report was not saved: {message}',
    hardLinksBroken:
      'Saved. This file also had other names (hard links): they still show the previous text, since saving gave this name a new file.',
    recoveryFailed: 'The recovery copy could not be written: {message}',
    windowStateFailed:
      'The window could not record that the report has unsaved changes — save before closing: {message}',
    exporting: 'Exporting to Word…',
    exported: 'Exported to {path}',
    exportFailed: 'Export failed: {message}',
    imported: 'Imported. {count} note(s) to check.',
    changedOnDisk: 'This file was changed by another program since you opened it.',
    reloaded: 'The file changed on disk and was reloaded.',
    brokenReference: 'The referenced paragraph no longer exists.',
    structureFailed: 'The text could not be structured: {message}',
    brokenByEdit: 'This edit broke {count} reference(s) to {targets}.',
    undoEdit: 'Undo',
    pasteFailed: 'The clipboard could not be read: use Ctrl+V.',
    headingsAsText:
      'Pasted headings kept as text (they have no single place as sections here): {titles}.'
  },
  review: {
    track: 'Track changes',
    trackShort: 'Track',
    trackTitle: 'Record edits as suggestions (Ctrl+Shift+E)',
    as: 'Suggestions and comments are recorded as {author} (set in Settings).',
    defaultAuthor: 'Author',
    authorName: 'Your name for tracked changes and comments',
    authorInitials: 'Your initials',
    show: 'Show',
    view: {
      markup: 'All markup',
      final: 'Final (changes accepted)',
      original: 'Original (before changes)'
    },
    count: '{count} suggestion(s)',
    previous: 'Previous',
    next: 'Next',
    accept: 'Accept',
    reject: 'Reject',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    comments: 'Comments',
    commentHint: 'Select text (or put the cursor in a paragraph), then write a comment',
    addComment: 'Add comment',
    anchorLost: 'The text this comment was on has been deleted.',
    goToAnchor: 'Show in the text',
    replyHint: 'Reply…',
    reply: 'Reply',
    resolve: 'Resolve',
    reopen: 'Reopen'
  },
  pageView: {
    label: 'Page view',
    toggle: 'Pages',
    toggleTitle: 'Show the report on pages as it will print (Ctrl+Shift+P)',
    laying: 'Laying out the pages…',
    failed: 'The pages could not be laid out: {message}',
    pages: 'Pages: {count}',
    savePdf: 'Save as PDF',
    savePdfTitle: 'Save the pages as a PDF file',
    pdfSaved: 'Saved {path}',
    pdfFailed: 'The PDF could not be saved: {message}'
  },
  recent: {
    button: 'Recent',
    title: 'Reports opened lately',
    label: 'Recent reports',
    empty: 'No recent reports',
    missing: 'missing',
    missingTitle: 'This file is no longer there',
    remove: 'Remove {name} from the list',
    clear: 'Clear list'
  },
  exportReveal: {
    open: 'Open exported file',
    folder: 'Show in folder',
    failed: 'The exported file could not be shown.'
  },
  houseTemplate: {
    label: 'House template for Word export',
    none: 'Built-in UN style',
    choose: 'Choose…',
    stop: 'Use the built-in style',
    hint: "Your office's .dotx or .docx: its styles, fonts, page margins, headers and footers (with the emblem) replace the built-in ones."
  }
}

/** The shape every interface language provides. */
export type Messages = typeof en
