import type { Messages } from './en'

/** Chinese interface messages. */
export const zh: Messages = {
  app: { loading: '正在打开…', untitled: '未命名报告' },
  action: {
    cancel: '取消',
    close: '关闭',
    dismiss: '关闭提示',
    save: '保存',
    dontSave: '不保存',
    keepMine: '保留我的版本',
    loadDisk: '载入磁盘上的版本',
    overwrite: '覆盖',
    saveAsCopy: '另存为…',
    structure: '识别结构',
    pastePlain: '作为纯文本粘贴'
  },
  ask: {
    unsavedTitle: '是否保存对“{title}”的更改？',
    unsavedDetail: '如果不保存，您的更改将会丢失。',
    conflictTitle: '文件已在磁盘上被更改',
    structureTitle: '是否识别所粘贴报告的结构？',
    structureDetail:
      '这看起来是一份完整的报告。Rapporteur 可以识别其中的章、节、编号段落、建议、列表和脚注，并列出不确定之处。'
  },
  editor: { label: '报告正文' },
  toolbar: {
    label: '报告工具',
    new: '新建',
    newTitle: '按标准模板新建报告',
    open: '打开',
    openTitle: '打开报告 (Ctrl+O)',
    save: '保存',
    saveTitle: '保存 (Ctrl+S)',
    saveAs: '另存为',
    saveAsTitle: '以其他名称保存（Ctrl+Shift+S）',
    import: '导入',
    importTitle: '导入 .txt 或 .docx 报告',
    export: '导出 Word',
    exportTitle: '导出正式 .docx 文件',
    undo: '撤销 (Ctrl+Z)',
    redo: '重做 (Ctrl+Y)',
    recommendation: '建议',
    recommendationTitle: '插入建议 (Ctrl+Alt+R)',
    footnote: '脚注',
    footnoteTitle: '插入脚注 (Ctrl+Alt+F)',
    reference: '交叉引用',
    referenceTitle: '插入交叉引用…',
    numbered: '¶ 1.',
    numberedTitle: '编号段落/不编号段落',
    find: '查找',
    findTitle: '查找和替换 (Ctrl+F)',
    focus: '专注',
    focusTitle: '一次只显示一节',
    masthead: '报头',
    settings: '设置',
    versions: '版本',
    check: '检查',
    checkTitle: '分发前需要处理的问题 (F7)',
    versionsTitle: '此文件的早期版本',
    unsaved: '有未保存的更改',
    bold: '加粗 (Ctrl+B)',
    italic: '倾斜 (Ctrl+I)',
    outdent: '列表升级 (Shift+Tab)',
    indent: '列表降级，(a) 至 (i) (Tab)'
  },
  outline: {
    expand: '显示大纲',
    collapse: '隐藏大纲',
    label: '大纲',
    addChapter: '在所选章之后添加一章',
    addSection: '在所选节之后添加一节',
    addSubsection: '在所选节中添加小节',
    chapterShort: '章',
    sectionShort: '节',
    subsectionShort: '小节',
    newChapterTitle: '新章',
    newSectionTitle: '新节',
    newSubsectionTitle: '新小节',
    moveUp: '上移 (Alt+↑)',
    moveDown: '下移 (Alt+↓)',
    rename: '重命名',
    delete: '删除',
    deleted: '已删除 {label}。按 Ctrl+Z 撤销。',
    status: '起草状态',
    untitled: '（无标题）',
    selected: '所选条目'
  },
  status: {
    draft: '草稿',
    review: '审阅中',
    agreed: '已商定',
    paragraph: '第 {label} 段',
    nowhere: '就绪',
    words: '{words} / {limit} 字',
    broken: '失效引用：{count}',
    brackets: '方括号：{count}'
  },
  find: {
    find: '查找',
    replaceWith: '替换为',
    count: '第 {current} 个，共 {count} 个',
    matchCase: '区分大小写',
    previous: '上一个 (Shift+Enter)',
    next: '下一个 (Enter)',
    replace: '替换',
    replaceAll: '全部替换',
    replaced: '已替换 {count} 处。'
  },
  menu: {
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    pastePlain: '粘贴为纯文本',
    subparagraphList: '插入分段列表 (a)、(b)…',
    agendaList: '插入议程列表 1.、2.…',
    moveBlockUp: '上移此块',
    moveBlockDown: '下移此块',
    moveBlockTo: '移至其他节…',
    deleteBlock: '删除此块'
  },
  panel: {
    masthead: '报头',
    settings: '设置',
    'import-notes': '导入说明',
    check: '检查',
    review: '审阅'
  },
  masthead: {
    clickToEdit: '点击编辑报头',
    noSymbol: '无文件编号',
    problems: '报头有 {count} 处问题：请打开报头修正。',
    symbol: '文件编号',
    distribution: '分发',
    date: '印发日期',
    originalLanguage: '原文语言',
    parentBody: '上级机构',
    subsidiaryBody: '附属机构',
    session: '届会',
    meeting: '会议日期和地点',
    agendaItem: '议程项目',
    agendaSymbol: '临时议程文号（用于*脚注）',
    title: '标题',
    jobNumber: '作业编号',
    problem: {
      symbol: '不是联合国文件编号（例如 CTOC/COP/WG.4/2019/L.1）：未采用。',
      date: '日期请写作 yyyy-mm-dd：未采用。',
      other: '{message}'
    }
  },
  settings: {
    footerBarcode: '第1页印作业号条形码（Word 导出）',
    footerQrCode: '第1页印 undocs.org 地址二维码（Word 导出）',
    report: '本报告',
    language: '报告语言',
    recommendationStyle: '建议',
    styleBlock: '以“建议 N”为标题的块',
    styleParagraph: '作为段落编号',
    wordLimit: '字数限制',
    limitProblem: '请输入不小于 1 的整数。',
    secretariat: '秘书处 (8,500)',
    other: '其他 (10,700)',
    app: 'Rapporteur',
    uiLanguage: '界面语言',
    autosaveToFile: '停止输入片刻后自动保存文件',
    spellingDownloads: '缺少拼写词典时从互联网下载（Google 服务器）',
    versionsKept: '每份报告保留的早期版本数',
    autoCorrect: '键入时自动更正',
    autoCorrectRule: {
      quotes: '使用报告语言的印刷引号（“ ”、« »）',
      dashes: '数字范围使用短破折号（3–5、2019–2020）',
      nonBreakingSpaces: '使“paragraph 12”“article 5”等保持在同一行'
    }
  },
  language: {
    en: '英文',
    fr: '法文',
    es: '西班牙文',
    ru: '俄文',
    zh: '中文',
    ar: '阿拉伯文'
  },
  check: {
    intro: '分发前需要处理的问题。点击一行即可跳到该处。',
    summary: '{blocking} 项阻止分发 · {warnings} 项需查看',
    clean: '没有需要处理的问题：报告可以分发。',
    blocking: '阻止分发',
    warning: '需查看',
    report: '整份报告',
    open: '打开检查面板',
    exportAnyway: '仍然导出',
    exportTitle: '{count} 个问题阻止分发',
    blockingBrackets: '仍有 {count} 处方括号内文字。',
    blockingReferences: '{count} 处交叉引用指向已删除的文字。',
    kind: {
      'square-brackets': '方括号内文字：{text}',
      'broken-reference': '引用的文字已不存在',
      'word-limit': '{words} 字，超过 {limit} 字的限制（脚注 {footnoteWords} 字，另计）',
      'empty-container': '空{container}：标题下没有内容',
      'not-agreed': '{container}仍为“{status}”，尚未议定',
      untranslated: '尚未翻译：{text}',
      'empty-paragraph': '空段落',
      'footnote-in-heading': '标题中有脚注标记',
      'recommendation-placement': '建议不在建议一章中（在 {chapter}）',
      'import-note': '导入说明（第 {line} 行）：{message}'
    },
    container: { chapter: '章', section: '节', subsection: '小节' },
    masthead: {
      missing: '报头：缺少{field}',
      malformed: '报头：{field}格式不正确（应为 {expected}）'
    },
    field: {
      symbol: '文件编号',
      distribution: '分发级别',
      date: '日期',
      originalLanguage: '原文语种',
      parentBody: '上级机构',
      subsidiaryBody: '机构',
      session: '届会',
      meeting: '会议日期和地点',
      agendaItem: '议程项目',
      title: '标题',
      jobNumber: '作业编号'
    },
    symbol: {
      'not-linked': '文件编号 {symbol} 没有链接',
      'own-symbol': '报告引用了自己的编号 {symbol}',
      mismatch: '链接 {symbol} 与其标记的文字不同'
    },
    review: {
      suggestion: '{count} 条未处理的修订建议',
      comment: '{count} 条未处理的批注'
    }
  },
  importNotes: {
    intro: '导入时有 {count} 处不确定。点击说明可跳转到该处。',
    line: '第 {line} 行',
    gone: '该处已不在报告中。',
    confidence: {
      high: '结构识别可靠：需要检查的地方很少。',
      medium: '大部分结构识别可靠：请检查下列各组。',
      low: '许多结构是推测的：使用前请检查下列各组。'
    },
    kind: {
      footnotes: '脚注',
      headings: '章、节和附件',
      paragraphs: '编号段落和建议',
      lists: '列表',
      masthead: '报头',
      text: '文字',
      other: '其他'
    }
  },
  reference: {
    title: '插入交叉引用',
    search: '编号或文字，例如 12、II.B、建议 3',
    none: '没有匹配项。',
    insert: '插入'
  },
  recovery: {
    title: '恢复未保存的工作',
    intro: 'Rapporteur 在这些报告保存之前关闭了。可以恢复，或丢弃这些副本。',
    neverSaved: '从未保存',
    fileMissing: '磁盘上已无此文件',
    sameSize: '与磁盘上的长度相同',
    longer: '比磁盘上的多 {count} 个字符',
    shorter: '比磁盘上的少 {count} 个字符',
    savedAt: '保存于 {time}',
    restore: '恢复',
    discard: '丢弃',
    later: '稍后决定'
  },
  versions: {
    title: '早期版本',
    notSaved: '此报告尚未保存。',
    none: '尚无早期版本：每次保存时会保留一个。',
    restore: '作为新文档打开'
  },
  compare: {
    withVersion: '比较',
    withVersionTitle: '以修订建议显示自此版本以来的更改',
    withFile: '与文件比较…',
    shown:
      '自 {name} 以来的更改已显示为修订建议：插入 {insertions} 处，删除 {deletions} 处，移动 {moves} 处。',
    none: '与 {name} 没有差异。',
    failed: '无法比较：{message}',
    pendingSuggestions: '与其他版本比较之前，请先接受或拒绝此报告中已有的修订建议。'
  },
  moveBlock: {
    where: '放在节中的位置',
    atStart: '正文开头',
    atEnd: '正文末尾（分节之前）',
    title: '移至其他节',
    filter: '编号或标题，例如 II.B',
    notMoved: '此块已在该处。'
  },
  newReport: {
    title: '新建报告',
    hint: '报告将以该语言的工作组报告标准大纲开始。',
    create: '创建'
  },
  languageVersion: {
    button: '语文版本',
    buttonTitle: '新建本报告的语文版本（编号相同，文本标为待翻译）',
    sideBySideButton: '并排',
    sideBySideTitle: '在旁边显示本报告的另一语文版本',
    title: '新建语文版本',
    language: '新版本的语文',
    hint: '新版本保留每一章、节、段落编号、建议、脚注和交叉引用。每段文本保留原文，并标为尚未翻译，直至译出。请另存为单独的文件。',
    create: '创建',
    created: '已创建{language}版本：每段文本均标为待翻译。',
    sideBySide: '语文版本并排对照',
    differences: '{count} 处结构差异',
    number: '编号',
    thisReport: '本报告（{language}）',
    recommendation: '建议 {n}',
    missingHere: '本报告中缺少',
    missingThere: '另一版本中缺少',
    numberedThere: '在另一版本中编号为 {path}',
    differentKind: '在另一版本中是另一种块'
  },
  notice: {
    cannotOpen: '无法打开报告：{message}',
    saveFailed: '报告未保存：{message}',
    hardLinksBroken:
      '已保存。此文件还有其他名称（硬链接）：它们仍显示先前的文本，因为保存时此名称换成了一个新文件。',
    recoveryFailed: '无法写入恢复副本：{message}',
    windowStateFailed: '窗口未能记录报告有未保存的更改——请在关闭前保存：{message}',
    exporting: '正在导出 Word…',
    exported: '已导出到 {path}',
    exportFailed: '导出失败：{message}',
    imported: '已导入。有 {count} 条说明需要检查。',
    changedOnDisk: '自您打开以来，此文件已被其他程序更改。',
    reloaded: '文件已在磁盘上更改，已重新载入。',
    brokenReference: '所引用的段落已不存在。',
    structureFailed: '无法识别文本结构：{message}',
    brokenByEdit: '此编辑使 {count} 处对 {targets} 的引用失效。',
    undoEdit: '撤销',
    pasteFailed: '无法读取剪贴板：请使用 Ctrl+V。',
    headingsAsText: '粘贴的标题保留为正文（此处无法确定其作为节的位置）：{titles}。'
  },
  review: {
    track: '修订',
    trackShort: '修订',
    trackTitle: '将编辑记录为修订建议（Ctrl+Shift+E）',
    as: '修订和批注以 {author} 的名义记录（在“设置”中设定）。',
    defaultAuthor: '作者',
    authorName: '修订和批注所用的姓名',
    authorInitials: '姓名缩写',
    show: '显示',
    view: {
      markup: '所有标记',
      final: '最终状态（接受修订）',
      original: '原始状态（修订前）'
    },
    count: '{count} 处修订',
    previous: '上一处',
    next: '下一处',
    accept: '接受',
    reject: '拒绝',
    acceptAll: '全部接受',
    rejectAll: '全部拒绝',
    comments: '批注',
    commentHint: '选中文字（或将光标置于段落中），然后写批注',
    addComment: '添加批注',
    anchorLost: '此批注所指的文字已被删除。',
    goToAnchor: '在正文中显示',
    replyHint: '答复…',
    reply: '答复',
    resolve: '解决',
    reopen: '重新打开'
  },
  pageView: {
    label: '页面视图',
    toggle: '页面',
    toggleTitle: '按打印效果分页显示报告 (Ctrl+Shift+P)',
    laying: '正在分页…',
    failed: '无法分页：{message}',
    pages: '页数：{count}',
    savePdf: '另存为 PDF',
    savePdfTitle: '将页面保存为 PDF 文件',
    pdfSaved: '已保存 {path}',
    pdfFailed: '无法保存 PDF：{message}'
  },
  recent: {
    button: '最近',
    title: '最近打开的报告',
    label: '最近的报告',
    empty: '没有最近的报告',
    missing: '找不到',
    missingTitle: '此文件已不在原处',
    remove: '从列表中删除 {name}',
    clear: '清除列表'
  },
  exportReveal: {
    open: '打开导出的文件',
    folder: '在文件夹中显示',
    failed: '无法显示导出的文件。'
  },
  houseTemplate: {
    label: 'Word 导出的本机构模板',
    none: '内置联合国样式',
    choose: '选择…',
    stop: '使用内置样式',
    hint: '贵机构的 .dotx 或 .docx：其样式、字体、页边距、页眉和页脚（含徽标）取代内置的样式。'
  }
}
