import type { Messages } from './en'

/** Arabic interface messages (the window mirrors right to left with them). */
export const ar: Messages = {
  app: { loading: 'جارٍ الفتح…', untitled: 'تقرير بلا عنوان' },
  action: {
    cancel: 'إلغاء',
    close: 'إغلاق',
    dismiss: 'تجاهل',
    save: 'حفظ',
    dontSave: 'عدم الحفظ',
    keepMine: 'الإبقاء على نسختي',
    loadDisk: 'تحميل النسخة المحفوظة على القرص',
    overwrite: 'استبدال',
    saveAsCopy: 'حفظ باسم…',
    structure: 'هيكلة',
    pastePlain: 'لصق كنص عادي'
  },
  ask: {
    unsavedTitle: 'هل تريد حفظ التغييرات في «{title}»؟',
    unsavedDetail: 'ستفقد التغييرات إذا لم تحفظها.',
    conflictTitle: 'تغيّر الملف على القرص',
    structureTitle: 'هل تريد هيكلة التقرير الملصق؟',
    structureDetail:
      'يبدو هذا تقريرا كاملا. يمكن لـ Rapporteur التعرف على فصوله وأجزائه وفقراته المرقمة وتوصياته وقوائمه وحواشيه، وإدراج ما لم يتأكد منه.'
  },
  editor: { label: 'نص التقرير' },
  toolbar: {
    label: 'أدوات التقرير',
    new: 'جديد',
    newTitle: 'تقرير جديد من النموذج القياسي',
    open: 'فتح',
    openTitle: 'فتح تقرير (Ctrl+O)',
    save: 'حفظ',
    saveTitle: 'حفظ (Ctrl+S)',
    saveAs: 'حفظ باسم',
    saveAsTitle: 'الحفظ باسم آخر (Ctrl+Shift+S)',
    import: 'استيراد',
    importTitle: 'استيراد تقرير ‎.txt أو ‎.docx',
    export: 'تصدير إلى Word',
    exportTitle: 'تصدير ملف ‎.docx الرسمي',
    undo: 'تراجع (Ctrl+Z)',
    redo: 'إعادة (Ctrl+Y)',
    recommendation: 'توصية',
    recommendationTitle: 'إدراج توصية (Ctrl+Alt+R)',
    footnote: 'حاشية',
    footnoteTitle: 'إدراج حاشية (Ctrl+Alt+F)',
    reference: 'إحالة',
    referenceTitle: 'إدراج إحالة…',
    numbered: '¶ 1',
    numberedTitle: 'فقرة مرقمة / غير مرقمة',
    find: 'بحث',
    findTitle: 'بحث واستبدال (Ctrl+F)',
    focus: 'تركيز',
    focusTitle: 'عرض جزء واحد في كل مرة',
    masthead: 'الترويسة',
    settings: 'الإعدادات',
    versions: 'النسخ',
    check: 'تدقيق',
    checkTitle: 'ما يجب حسمه قبل تعميم التقرير (F7)',
    versionsTitle: 'النسخ السابقة من هذا الملف',
    unsaved: 'تغييرات غير محفوظة',
    bold: 'غامق (Ctrl+B)',
    italic: 'مائل (Ctrl+I)',
    outdent: 'رفع مستوى القائمة (Shift+Tab)',
    indent: 'خفض مستوى القائمة (Tab)'
  },
  outline: {
    expand: 'إظهار المخطط',
    collapse: 'إخفاء المخطط',
    label: 'المخطط',
    addChapter: 'إضافة فصل بعد الفصل المحدد',
    addSection: 'إضافة جزء بعد الجزء المحدد',
    addSubsection: 'إضافة جزء فرعي إلى الجزء المحدد',
    chapterShort: 'فصل',
    sectionShort: 'جزء',
    subsectionShort: 'فرعي',
    newChapterTitle: 'فصل جديد',
    newSectionTitle: 'جزء جديد',
    newSubsectionTitle: 'جزء فرعي جديد',
    moveUp: 'نقل إلى أعلى (Alt+↑)',
    moveDown: 'نقل إلى أسفل (Alt+↓)',
    rename: 'إعادة تسمية',
    delete: 'حذف',
    deleted: 'حُذف {label}. للتراجع اضغط Ctrl+Z.',
    status: 'حالة الصياغة',
    untitled: '(بلا عنوان)',
    selected: 'العنصر المحدد'
  },
  status: {
    draft: 'مشروع',
    review: 'قيد الاستعراض',
    agreed: 'متفق عليه',
    paragraph: 'الفقرة {label}',
    nowhere: 'جاهز',
    words: '{words} / {limit} كلمة',
    broken: 'إحالات معطلة: {count}',
    brackets: 'أقواس معقوفة: {count}'
  },
  find: {
    find: 'بحث',
    replaceWith: 'استبدال بـ',
    count: '{current} من {count}',
    matchCase: 'مطابقة حالة الأحرف',
    previous: 'السابق (Shift+Enter)',
    next: 'التالي (Enter)',
    replace: 'استبدال',
    replaceAll: 'استبدال الكل',
    replaced: 'استُبدل {count} موضعا.'
  },
  menu: {
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    pastePlain: 'لصق كنص عادي',
    subparagraphList: 'إدراج قائمة فقرات فرعية (أ)، (ب)…',
    agendaList: 'إدراج قائمة جدول أعمال 1، 2…',
    moveBlockUp: 'نقل الكتلة إلى أعلى',
    moveBlockDown: 'نقل الكتلة إلى أسفل',
    moveBlockTo: 'نقل إلى جزء…',
    deleteBlock: 'حذف الكتلة'
  },
  panel: {
    masthead: 'الترويسة',
    settings: 'الإعدادات',
    'import-notes': 'ملاحظات الاستيراد',
    check: 'التدقيق',
    review: 'المراجعة'
  },
  masthead: {
    clickToEdit: 'انقر لتحرير الترويسة',
    noSymbol: 'لا توجد رمز وثيقة',
    problems: 'في الترويسة {count} مشكلة: افتحها لتصحيحها.',
    symbol: 'رمز الوثيقة',
    distribution: 'التوزيع',
    date: 'تاريخ الصدور',
    originalLanguage: 'لغة الأصل',
    parentBody: 'الهيئة الأم',
    subsidiaryBody: 'الهيئة الفرعية',
    session: 'الدورة',
    meeting: 'تاريخ الاجتماع ومكانه',
    agendaItem: 'بند جدول الأعمال',
    title: 'العنوان',
    jobNumber: 'رقم المهمة',
    agendaSymbol: 'رمز جدول الأعمال المؤقت (الحاشية *)',
    problem: {
      symbol: 'ليس رمز وثيقة للأمم المتحدة (مثل CTOC/COP/WG.4/2019/L.1): لم يُطبّق.',
      date: 'اكتب التاريخ بالصيغة yyyy-mm-dd: لم يُطبّق.',
      other: '{message}'
    }
  },
  settings: {
    footerBarcode: 'الرمز الشريطي لرقم المهمة في تذييل الصفحة الأولى',
    footerQrCode: 'رمز QR لعنوان undocs.org في تذييل الصفحة الأولى',
    report: 'هذا التقرير',
    language: 'لغة التقرير',
    recommendationStyle: 'التوصيات',
    styleBlock: 'كتل بعنوان «التوصية N»',
    styleParagraph: 'مرقمة كفقرات',
    wordLimit: 'الحد الأقصى للكلمات',
    limitProblem: 'عدد صحيح من الكلمات، 1 على الأقل.',
    secretariat: 'الأمانة العامة (8500)',
    other: 'غير ذلك (10700)',
    app: 'Rapporteur',
    uiLanguage: 'لغة الواجهة',
    autosaveToFile: 'حفظ الملف تلقائيا بعد توقف الكتابة',
    spellingDownloads: 'تنزيل قواميس التدقيق الإملائي الناقصة من الإنترنت (خوادم Google)',
    versionsKept: 'عدد النسخ السابقة المحفوظة لكل تقرير',
    autoCorrect: 'التصحيح التلقائي أثناء الكتابة',
    autoCorrectRule: {
      quotes: 'علامات الاقتباس المطبعية للغة التقرير (« »، ” “)',
      dashes: 'الشرطة القصيرة في نطاقات الأرقام (3–5، 2019–2020)',
      nonBreakingSpaces: 'إبقاء «الفقرة 12» و«المادة 5»… على سطر واحد'
    }
  },
  language: {
    en: 'الإنكليزية',
    fr: 'الفرنسية',
    es: 'الإسبانية',
    ru: 'الروسية',
    zh: 'الصينية',
    ar: 'العربية'
  },
  check: {
    intro: 'ما يجب حسمه قبل تعميم التقرير. انقر على سطر للانتقال إليه.',
    summary: '{blocking} مانع · {warnings} للمراجعة',
    clean: 'لا شيء يحتاج إلى حسم: التقرير جاهز للتعميم.',
    blocking: 'يمنع التعميم',
    warning: 'للمراجعة',
    report: 'التقرير كله',
    open: 'فتح لوحة التدقيق',
    exportAnyway: 'التصدير على أي حال',
    exportTitle: '{count} مشكلة تمنع التعميم',
    blockingBrackets: '{count} مقطع لا يزال بين أقواس معقوفة.',
    blockingReferences: '{count} إحالة إلى نص محذوف.',
    kind: {
      'square-brackets': 'بين أقواس معقوفة: {text}',
      'broken-reference': 'إحالة إلى نص لم يعد موجودا',
      'word-limit': '{words} كلمة مقابل حد قدره {limit} (الحواشي: {footnoteWords}، تُحسب على حدة)',
      'empty-container': '{container} فارغ: لا شيء تحت عنوانه',
      'not-agreed': '{container} لا يزال «{status}»، غير متفق عليه',
      untranslated: 'لم يُترجم بعد: {text}',
      'empty-paragraph': 'فقرة فارغة',
      'footnote-in-heading': 'علامة حاشية في عنوان',
      'recommendation-placement': 'توصية خارج فصل التوصيات (في {chapter})',
      'import-note': 'ملاحظة استيراد (السطر {line}): {message}'
    },
    container: { chapter: 'فصل', section: 'جزء', subsection: 'جزء فرعي' },
    masthead: {
      missing: 'الترويسة: {field} غير موجود',
      malformed: 'الترويسة: {field} غير سليم الصيغة (المتوقع {expected})'
    },
    field: {
      symbol: 'رمز الوثيقة',
      distribution: 'التوزيع',
      date: 'التاريخ',
      originalLanguage: 'لغة الأصل',
      parentBody: 'الهيئة الأم',
      subsidiaryBody: 'الهيئة',
      session: 'الدورة',
      meeting: 'تاريخ الاجتماع ومكانه',
      agendaItem: 'بند جدول الأعمال',
      title: 'العنوان',
      jobNumber: 'رقم المهمة'
    },
    symbol: {
      'not-linked': 'رمز الوثيقة {symbol} غير مرتبط',
      'own-symbol': 'يستشهد التقرير برمزه هو {symbol}',
      mismatch: 'الرابط {symbol} يختلف عن النص الذي يميزه'
    },
    review: {
      suggestion: 'اقتراحات مفتوحة: {count}',
      comment: 'تعليقات مفتوحة: {count}'
    }
  },
  importNotes: {
    intro: 'لم يتأكد المستورد من {count} موضعا. انقر على ملاحظة للانتقال إليها.',
    line: 'السطر {line}',
    gone: 'لم يعد هذا الموضع في التقرير.',
    confidence: {
      high: 'قُرئ الهيكل بثقة: القليل مما يحتاج إلى التحقق.',
      medium: 'قُرئ معظم الهيكل بثقة: تحقق من المجموعات أدناه.',
      low: 'خُمّن جزء كبير من الهيكل: تحقق من المجموعات أدناه قبل الاعتماد عليه.'
    },
    kind: {
      footnotes: 'الحواشي',
      headings: 'الفصول والأجزاء والمرفقات',
      paragraphs: 'الفقرات المرقمة والتوصيات',
      lists: 'القوائم',
      masthead: 'الترويسة',
      text: 'النص',
      other: 'غير ذلك'
    }
  },
  reference: {
    title: 'إدراج إحالة',
    search: 'رقم أو كلمات، مثل 12 أو II.B أو التوصية 3',
    none: 'لا توجد نتائج.',
    insert: 'إدراج'
  },
  recovery: {
    title: 'استعادة العمل غير المحفوظ',
    intro: 'أُغلق Rapporteur قبل حفظ هذه التقارير. استعدها أو تخلص من النسخ.',
    neverSaved: 'لم يُحفظ قط',
    fileMissing: 'لم يعد الملف على القرص',
    sameSize: 'بنفس الطول المحفوظ على القرص',
    longer: 'أطول بـ {count} حرفا مما على القرص',
    shorter: 'أقصر بـ {count} حرفا مما على القرص',
    savedAt: 'حُفظ {time}',
    restore: 'استعادة',
    discard: 'تخلص',
    later: 'القرار لاحقا'
  },
  versions: {
    title: 'النسخ السابقة',
    notSaved: 'لم يُحفظ هذا التقرير بعد.',
    none: 'لا توجد نسخ سابقة بعد: تُحفظ نسخة في كل مرة تحفظ فيها.',
    restore: 'فتح كمستند جديد'
  },
  compare: {
    withVersion: 'مقارنة',
    withVersionTitle: 'عرض التغييرات منذ هذه النسخة في شكل اقتراحات',
    withFile: 'مقارنة بملف…',
    shown:
      'تُعرض التغييرات منذ {name} في شكل اقتراحات: {insertions} إدراج، {deletions} حذف، {moves} نقل.',
    none: 'لا فروق عن {name}.',
    failed: 'تعذرت المقارنة: {message}',
    pendingSuggestions: 'اقبل الاقتراحات الموجودة في هذا التقرير أو ارفضها قبل مقارنته بنسخة أخرى.'
  },
  moveBlock: {
    where: 'أين في الجزء',
    atStart: 'في بداية نصه',
    atEnd: 'في نهاية نصه (قبل أجزائه الفرعية)',
    title: 'نقل إلى جزء',
    filter: 'رقم أو عنوان، مثل II.B',
    notMoved: 'الكتلة موجودة هناك بالفعل.'
  },
  newReport: {
    title: 'تقرير جديد',
    hint: 'يبدأ التقرير من المخطط القياسي لتقرير فريق عامل بتلك اللغة.',
    create: 'إنشاء'
  },
  languageVersion: {
    button: 'نسخة لغوية',
    buttonTitle: 'نسخة لغوية جديدة من هذا التقرير (الأرقام نفسها، والنصوص معلَّمة للترجمة)',
    sideBySideButton: 'جنباً إلى جنب',
    sideBySideTitle: 'عرض نسخة لغوية أخرى من هذا التقرير بجانبه',
    title: 'نسخة لغوية جديدة',
    language: 'لغة النسخة الجديدة',
    hint: 'تحتفظ النسخة الجديدة بكل فصل وفرع ورقم فقرة وتوصية وحاشية وإحالة. ويبقى كل نص بلغته الأصلية، معلَّماً بأنه لم يُترجم بعد، إلى أن يُترجم. احفظها باسم خاص بها.',
    create: 'إنشاء',
    created: 'أُنشئت النسخة باللغة {language}: كل نص معلَّم للترجمة.',
    sideBySide: 'النسخ اللغوية جنباً إلى جنب',
    differences: 'الفروق في البنية: {count}',
    number: 'الرقم',
    thisReport: 'هذا التقرير ({language})',
    recommendation: 'التوصية {n}',
    missingHere: 'غير موجود في هذا التقرير',
    missingThere: 'غير موجود في النسخة الأخرى',
    numberedThere: 'رقمه {path} في النسخة الأخرى',
    differentKind: 'كتلة من نوع آخر في النسخة الأخرى'
  },
  notice: {
    cannotOpen: 'تعذّر فتح التقرير: {message}',
    saveFailed: 'لم يُحفظ التقرير: {message}',
    hardLinksBroken:
      'تم الحفظ. كان لهذا الملف أسماء أخرى (روابط ثابتة): لا تزال تعرض النص السابق، لأن الحفظ أعطى هذا الاسم ملفا جديدا.',
    recoveryFailed: 'تعذّرت كتابة نسخة الاستعادة: {message}',
    windowStateFailed: 'تعذّر على Rapporteur تسجيل حالة النافذة: {message}. احفظ عملك.',
    exporting: 'جارٍ التصدير إلى Word…',
    exported: 'صُدّر إلى {path}',
    exportFailed: 'فشل التصدير: {message}',
    imported: 'تم الاستيراد. {count} ملاحظة للمراجعة.',
    changedOnDisk: 'غيّر برنامج آخر هذا الملف منذ أن فتحته.',
    reloaded: 'تغيّر الملف على القرص وأعيد تحميله.',
    brokenReference: 'الفقرة المحال إليها لم تعد موجودة.',
    structureFailed: 'تعذّرت هيكلة النص: {message}',
    brokenByEdit: 'أدى هذا التعديل إلى تعطيل {count} إحالة إلى {targets}.',
    undoEdit: 'تراجع',
    pasteFailed: 'تعذّرت قراءة الحافظة: استخدم Ctrl+V.',
    headingsAsText: 'أُبقيت العناوين الملصقة نصا (ليس لها مكان واحد كأجزاء هنا): {titles}.'
  },
  review: {
    track: 'تعقب التغييرات',
    trackShort: 'التعقب',
    trackTitle: 'تسجيل التعديلات كاقتراحات (Ctrl+Shift+E)',
    as: 'تُسجَّل الاقتراحات والتعليقات باسم {author} (يُضبط في الإعدادات).',
    defaultAuthor: 'المؤلف',
    authorName: 'اسمك للتغييرات المتعقبة والتعليقات',
    authorInitials: 'الأحرف الأولى من اسمك',
    show: 'العرض',
    view: {
      markup: 'كل العلامات',
      final: 'النهائي (بعد قبول التغييرات)',
      original: 'الأصلي (قبل التغييرات)'
    },
    count: 'عدد الاقتراحات: {count}',
    previous: 'السابق',
    next: 'التالي',
    accept: 'قبول',
    reject: 'رفض',
    acceptAll: 'قبول الكل',
    rejectAll: 'رفض الكل',
    comments: 'التعليقات',
    commentHint: 'حدّد نصا (أو ضع المؤشر في فقرة)، ثم اكتب تعليقا',
    addComment: 'إضافة تعليق',
    anchorLost: 'حُذف النص الذي كان هذا التعليق عليه.',
    goToAnchor: 'إظهار في النص',
    replyHint: 'رد…',
    reply: 'رد',
    resolve: 'حلّ',
    reopen: 'إعادة فتح'
  },
  pageView: {
    label: 'عرض الصفحات',
    toggle: 'الصفحات',
    toggleTitle: 'عرض التقرير في صفحات كما سيُطبع (Ctrl+Shift+P)',
    laying: 'جارٍ توزيع الصفحات…',
    failed: 'تعذّر توزيع الصفحات: {message}',
    pages: 'الصفحات: {count}',
    savePdf: 'حفظ بصيغة PDF',
    savePdfTitle: 'حفظ الصفحات في ملف PDF',
    pdfSaved: 'حُفظ {path}',
    pdfFailed: 'تعذّر حفظ ملف PDF: {message}'
  },
  recent: {
    button: 'الحديثة',
    title: 'التقارير المفتوحة مؤخرا',
    label: 'التقارير الحديثة',
    empty: 'لا توجد تقارير حديثة',
    missing: 'مفقود',
    missingTitle: 'لم يعد هذا الملف في مكانه',
    remove: 'إزالة {name} من القائمة',
    clear: 'مسح القائمة'
  },
  exportReveal: {
    open: 'فتح الملف المصدَّر',
    folder: 'إظهار في المجلد',
    failed: 'تعذّر إظهار الملف المصدَّر.'
  },
  houseTemplate: {
    label: 'قالب المكتب لتصدير Word',
    none: 'أسلوب الأمم المتحدة المدمج',
    choose: 'اختيار…',
    stop: 'استخدام الأسلوب المدمج',
    hint: 'ملف .dotx أو .docx الخاص بمكتبك: تحل أنماطه وخطوطه وهوامشه ورؤوس صفحاته وتذييلاتها (مع الشعار) محل المدمجة.'
  }
}
