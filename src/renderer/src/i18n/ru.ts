import type { Messages } from './en'

/** Russian interface messages. */
export const ru: Messages = {
  app: { loading: 'Открытие…', untitled: 'Доклад без названия' },
  action: {
    cancel: 'Отмена',
    close: 'Закрыть',
    dismiss: 'Скрыть',
    save: 'Сохранить',
    dontSave: 'Не сохранять',
    keepMine: 'Оставить мою версию',
    loadDisk: 'Загрузить версию с диска',
    overwrite: 'Заменить',
    saveAsCopy: 'Сохранить как…',
    structure: 'Структурировать',
    pastePlain: 'Вставить как простой текст'
  },
  ask: {
    unsavedTitle: 'Сохранить изменения в «{title}»?',
    unsavedDetail: 'Если их не сохранить, изменения будут потеряны.',
    conflictTitle: 'Файл изменился на диске',
    structureTitle: 'Структурировать вставленный доклад?',
    structureDetail:
      'Похоже, это целый доклад. Rapporteur может распознать главы, разделы, нумерованные пункты, рекомендации, списки и сноски и перечислить то, в чем он не уверен.'
  },
  editor: { label: 'Текст доклада' },
  toolbar: {
    label: 'Инструменты доклада',
    new: 'Создать',
    newTitle: 'Новый доклад по стандартному шаблону',
    open: 'Открыть',
    openTitle: 'Открыть доклад (Ctrl+O)',
    save: 'Сохранить',
    saveTitle: 'Сохранить (Ctrl+S)',
    saveAs: 'Сохранить как',
    saveAsTitle: 'Сохранить под другим именем (Ctrl+Shift+S)',
    import: 'Импорт',
    importTitle: 'Импортировать доклад .txt или .docx',
    export: 'Экспорт в Word',
    exportTitle: 'Экспортировать официальный .docx',
    undo: 'Отменить (Ctrl+Z)',
    redo: 'Повторить (Ctrl+Y)',
    recommendation: 'Рекомендация',
    recommendationTitle: 'Вставить рекомендацию (Ctrl+Alt+R)',
    footnote: 'Сноска',
    footnoteTitle: 'Вставить сноску (Ctrl+Alt+F)',
    reference: 'Ссылка',
    referenceTitle: 'Вставить перекрестную ссылку…',
    numbered: '¶ 1.',
    numberedTitle: 'Нумерованный / ненумерованный пункт',
    find: 'Найти',
    findTitle: 'Найти и заменить (Ctrl+F)',
    focus: 'Фокус',
    focusTitle: 'Показывать по одному разделу',
    masthead: 'Шапка',
    settings: 'Настройки',
    versions: 'Версии',
    check: 'Проверка',
    checkTitle: 'Что нужно уладить до распространения доклада (F7)',
    versionsTitle: 'Предыдущие версии этого файла',
    unsaved: 'Несохраненные изменения',
    bold: 'Полужирный (Ctrl+B)',
    italic: 'Курсив (Ctrl+I)',
    outdent: 'Уровень списка выше (Shift+Tab)',
    indent: 'Уровень списка ниже, а) → i) (Tab)'
  },
  outline: {
    expand: 'Показать структуру',
    collapse: 'Скрыть структуру',
    label: 'Структура',
    addChapter: 'Добавить главу после выбранной',
    addSection: 'Добавить раздел после выбранного',
    addSubsection: 'Добавить подраздел в выбранный раздел',
    chapterShort: 'Глава',
    sectionShort: 'Раздел',
    subsectionShort: 'Подр.',
    newChapterTitle: 'Новая глава',
    newSectionTitle: 'Новый раздел',
    newSubsectionTitle: 'Новый подраздел',
    moveUp: 'Вверх (Alt+↑)',
    moveDown: 'Вниз (Alt+↓)',
    rename: 'Переименовать',
    delete: 'Удалить',
    deleted: '{label} удалено. Отменить: Ctrl+Z.',
    status: 'Состояние подготовки',
    untitled: '(без названия)',
    selected: 'Выбранный элемент'
  },
  status: {
    draft: 'Проект',
    review: 'На рассмотрении',
    agreed: 'Согласовано',
    paragraph: 'п. {label}',
    nowhere: 'Готово',
    words: '{words} / {limit} слов',
    broken: 'Неверные ссылки: {count}',
    brackets: 'Квадратные скобки: {count}'
  },
  find: {
    find: 'Найти',
    replaceWith: 'Заменить на',
    count: '{current} из {count}',
    matchCase: 'С учетом регистра',
    previous: 'Назад (Shift+Enter)',
    next: 'Далее (Enter)',
    replace: 'Заменить',
    replaceAll: 'Заменить все',
    replaced: 'Заменено вхождений: {count}.'
  },
  menu: {
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    pastePlain: 'Вставить как простой текст',
    subparagraphList: 'Вставить список подпунктов а), б)…',
    agendaList: 'Вставить список повестки дня 1., 2.…',
    moveBlockUp: 'Переместить блок вверх',
    moveBlockDown: 'Переместить блок вниз',
    moveBlockTo: 'Переместить в раздел…',
    deleteBlock: 'Удалить блок'
  },
  panel: {
    masthead: 'Шапка',
    settings: 'Настройки',
    'import-notes': 'Замечания импорта',
    check: 'Проверка',
    review: 'Рецензирование'
  },
  masthead: {
    clickToEdit: 'Щелкните, чтобы изменить шапку',
    noSymbol: 'Нет условного обозначения',
    problems: 'В шапке проблем: {count}. Откройте ее, чтобы исправить.',
    symbol: 'Условное обозначение',
    distribution: 'Распространение',
    date: 'Дата выпуска',
    originalLanguage: 'Язык оригинала',
    parentBody: 'Вышестоящий орган',
    subsidiaryBody: 'Вспомогательный орган',
    session: 'Сессия',
    meeting: 'Даты и место заседания',
    agendaItem: 'Пункт повестки дня',
    title: 'Название',
    jobNumber: 'Номер заказа',
    agendaSymbol: 'Условное обозначение предварительной повестки дня (сноска *)',
    problem: {
      symbol: 'Это не условное обозначение ООН (например, CTOC/COP/WG.4/2019/L.1): не применено.',
      date: 'Укажите дату в виде гггг-мм-дд: не применено.',
      other: '{message}'
    }
  },
  settings: {
    footerBarcode: 'Штрихкод номера заказа внизу первой страницы',
    footerQrCode: 'QR-код адреса undocs.org внизу первой страницы',
    report: 'Этот доклад',
    language: 'Язык доклада',
    recommendationStyle: 'Рекомендации',
    styleBlock: 'Блоки с заголовком «Рекомендация N»',
    styleParagraph: 'Нумеруются как пункты',
    wordLimit: 'Предельный объем (слов)',
    limitProblem: 'Целое число слов, не меньше 1.',
    secretariat: 'Секретариат (8 500)',
    other: 'Прочие (10 700)',
    app: 'Rapporteur',
    uiLanguage: 'Язык интерфейса',
    autosaveToFile: 'Сохранять файл автоматически после паузы в наборе',
    spellingDownloads:
      'Загружать из Интернета недостающие орфографические словари (серверы Google)',
    versionsKept: 'Сколько предыдущих версий хранить для доклада',
    autoCorrect: 'Автозамена при вводе',
    autoCorrectRule: {
      quotes: 'Типографские кавычки языка доклада (« », “ ”)',
      dashes: 'Короткое тире в диапазонах (3–5, 2019–2020)',
      nonBreakingSpaces: 'Не разрывать «пункт 12», «статья 5»… между строками'
    }
  },
  language: {
    en: 'английский',
    fr: 'французский',
    es: 'испанский',
    ru: 'русский',
    zh: 'китайский',
    ar: 'арабский'
  },
  check: {
    intro: 'Что нужно уладить до распространения доклада. Щелкните строку, чтобы перейти к месту.',
    summary: 'Блокирует: {blocking} · проверить: {warnings}',
    clean: 'Улаживать нечего: доклад готов к распространению.',
    blocking: 'Блокирует распространение',
    warning: 'Проверить',
    report: 'Весь доклад',
    open: 'Открыть проверку',
    exportAnyway: 'Все равно экспортировать',
    exportTitle: 'Распространению мешают проблемы: {count}',
    blockingBrackets: 'Фрагментов в квадратных скобках: {count}.',
    blockingReferences: 'Ссылок на удаленный текст: {count}.',
    kind: {
      'square-brackets': 'В квадратных скобках: {text}',
      'broken-reference': 'Ссылка на текст, которого больше нет',
      'word-limit':
        '{words} слов при пределе {limit} (сноски: {footnoteWords}, считаются отдельно)',
      'empty-container': 'Пусто ({container}): под заголовком ничего нет',
      'not-agreed': '{container}: все еще «{status}», не согласовано',
      untranslated: 'Еще не переведено: {text}',
      'empty-paragraph': 'Пустой пункт',
      'footnote-in-heading': 'Знак сноски в заголовке',
      'recommendation-placement': 'Рекомендация вне главы рекомендаций (в {chapter})',
      'import-note': 'Замечание импорта (строка {line}): {message}'
    },
    container: { chapter: 'глава', section: 'раздел', subsection: 'подраздел' },
    masthead: {
      missing: 'Шапка: не указано поле «{field}»',
      malformed: 'Шапка: поле «{field}» заполнено неверно (ожидается {expected})'
    },
    field: {
      symbol: 'условное обозначение',
      distribution: 'распространение',
      date: 'дата',
      originalLanguage: 'язык оригинала',
      parentBody: 'вышестоящий орган',
      subsidiaryBody: 'орган',
      session: 'сессия',
      meeting: 'даты и место',
      agendaItem: 'пункт повестки дня',
      title: 'название',
      jobNumber: 'номер заказа'
    },
    symbol: {
      'not-linked': 'Условное обозначение {symbol} не связано со ссылкой',
      'own-symbol': 'Доклад ссылается на собственное обозначение {symbol}',
      mismatch: 'Ссылка {symbol} не совпадает с помеченным текстом'
    },
    review: {
      suggestion: 'Открытых предложений: {count}',
      comment: 'Открытых примечаний: {count}'
    }
  },
  importNotes: {
    intro: 'Импорт не был уверен в {count} мест(ах). Щелкните замечание, чтобы перейти к месту.',
    line: 'Строка {line}',
    gone: 'Этого места в докладе больше нет.',
    confidence: {
      high: 'Структура распознана уверенно: проверять почти нечего.',
      medium: 'Большая часть структуры распознана уверенно: проверьте группы ниже.',
      low: 'Значительная часть структуры угадана: проверьте группы ниже, прежде чем на нее полагаться.'
    },
    kind: {
      footnotes: 'Сноски',
      headings: 'Главы, разделы и приложения',
      paragraphs: 'Нумерованные пункты и рекомендации',
      lists: 'Списки',
      masthead: 'Шапка',
      text: 'Текст',
      other: 'Прочее'
    }
  },
  reference: {
    title: 'Вставить ссылку',
    search: 'Номер или слова, например 12, II.B, рекомендация 3, незаконный ввоз',
    none: 'Ничего не найдено.',
    insert: 'Вставить'
  },
  recovery: {
    title: 'Восстановить несохраненную работу',
    intro: 'Rapporteur закрылся до сохранения этих докладов. Восстановите их или удалите копии.',
    neverSaved: 'никогда не сохранялся',
    fileMissing: 'файла больше нет на диске',
    sameSize: 'та же длина, что на диске',
    longer: 'на {count} символов длиннее, чем на диске',
    shorter: 'на {count} символов короче, чем на диске',
    savedAt: 'сохранено {time}',
    restore: 'Восстановить',
    discard: 'Удалить',
    later: 'Решить позже'
  },
  versions: {
    title: 'Предыдущие версии',
    notSaved: 'Этот доклад еще не сохранялся.',
    none: 'Предыдущих версий пока нет: версия сохраняется при каждом сохранении.',
    restore: 'Открыть как новый документ'
  },
  compare: {
    withVersion: 'Сравнить',
    withVersionTitle: 'Показать изменения с этой версии в виде предложений',
    withFile: 'Сравнить с файлом…',
    shown:
      'Изменения с {name} показаны как предложения: вставок — {insertions}, удалений — {deletions}, перемещений — {moves}.',
    none: 'Отличий от {name} нет.',
    failed: 'Не удалось сравнить: {message}',
    pendingSuggestions:
      'Прежде чем сравнивать доклад с другой версией, примите или отклоните уже имеющиеся в нем предложения.'
  },
  moveBlock: {
    where: 'Куда в разделе',
    atStart: 'В начало его текста',
    atEnd: 'В конец его текста (перед подразделами)',
    title: 'Переместить в раздел',
    filter: 'Номер или название, например II.B',
    notMoved: 'Блок уже находится там.'
  },
  newReport: {
    title: 'Новый доклад',
    hint: 'Доклад начинается со стандартной структуры доклада рабочей группы на этом языке.',
    create: 'Создать'
  },
  languageVersion: {
    button: 'Языковая версия',
    buttonTitle: 'Новая языковая версия доклада (те же номера, тексты помечены для перевода)',
    sideBySideButton: 'Рядом',
    sideBySideTitle: 'Показать рядом другую языковую версию этого доклада',
    title: 'Новая языковая версия',
    language: 'Язык новой версии',
    hint: 'Новая версия сохраняет все главы, разделы, номера пунктов, рекомендации, сноски и ссылки. Каждый текст остается на языке оригинала с пометкой «еще не переведено», пока его не переведут. Сохраните ее под отдельным именем.',
    create: 'Создать',
    created: 'Создана версия на языке «{language}»: каждый текст помечен для перевода.',
    sideBySide: 'Языковые версии рядом',
    differences: 'Структурных расхождений: {count}',
    number: '№',
    thisReport: 'Этот доклад ({language})',
    recommendation: 'Рекомендация {n}',
    missingHere: 'Отсутствует в этом докладе',
    missingThere: 'Отсутствует в другой версии',
    numberedThere: 'В другой версии имеет номер {path}',
    differentKind: 'В другой версии это блок другого типа'
  },
  notice: {
    cannotOpen: 'Не удается открыть доклад: {message}',
    saveFailed: 'Доклад не сохранен: {message}',
    hardLinksBroken:
      'Сохранено. У этого файла были и другие имена (жёсткие ссылки): они по-прежнему показывают прежний текст, так как при сохранении это имя получило новый файл.',
    recoveryFailed: 'Не удалось записать копию для восстановления: {message}',
    windowStateFailed:
      'Rapporteur не смог сохранить состояние окна: {message}. Сохраните свою работу.',
    exporting: 'Экспорт в Word…',
    exported: 'Экспортировано в {path}',
    exportFailed: 'Ошибка экспорта: {message}',
    imported: 'Импортировано. Замечаний для проверки: {count}.',
    changedOnDisk: 'С момента открытия этот файл изменила другая программа.',
    reloaded: 'Файл изменился на диске и был загружен заново.',
    brokenReference: 'Пункта, на который дана ссылка, больше нет.',
    structureFailed: 'Не удалось структурировать текст: {message}',
    brokenByEdit: 'Эта правка нарушила ссылки ({count}) на {targets}.',
    undoEdit: 'Отменить',
    pasteFailed: 'Не удалось прочитать буфер обмена: используйте Ctrl+V.',
    headingsAsText:
      'Вставленные заголовки оставлены текстом (для них здесь нет однозначного места как для разделов): {titles}.'
  },
  review: {
    track: 'Отслеживать изменения',
    trackShort: 'Исправления',
    trackTitle: 'Записывать правки как предложения (Ctrl+Shift+E)',
    as: 'Предложения и примечания записываются от имени {author} (см. Настройки).',
    defaultAuthor: 'Автор',
    authorName: 'Ваше имя для исправлений и примечаний',
    authorInitials: 'Ваши инициалы',
    show: 'Показывать',
    view: {
      markup: 'Все исправления',
      final: 'Итог (изменения приняты)',
      original: 'Исходный текст (до изменений)'
    },
    count: 'Предложений: {count}',
    previous: 'Предыдущее',
    next: 'Следующее',
    accept: 'Принять',
    reject: 'Отклонить',
    acceptAll: 'Принять все',
    rejectAll: 'Отклонить все',
    comments: 'Примечания',
    commentHint: 'Выделите текст (или поставьте курсор в абзац) и напишите примечание',
    addComment: 'Добавить примечание',
    anchorLost: 'Текст, к которому относилось это примечание, удалён.',
    goToAnchor: 'Показать в тексте',
    replyHint: 'Ответить…',
    reply: 'Ответить',
    resolve: 'Закрыть',
    reopen: 'Открыть снова'
  },
  pageView: {
    label: 'Постраничный вид',
    toggle: 'Страницы',
    toggleTitle: 'Показать доклад по страницам, как он будет напечатан (Ctrl+Shift+P)',
    laying: 'Разбивка на страницы…',
    failed: 'Не удалось разбить на страницы: {message}',
    pages: 'Страниц: {count}',
    savePdf: 'Сохранить как PDF',
    savePdfTitle: 'Сохранить страницы в файл PDF',
    pdfSaved: 'Сохранено: {path}',
    pdfFailed: 'Не удалось сохранить PDF: {message}'
  },
  recent: {
    button: 'Последние',
    title: 'Недавно открытые доклады',
    label: 'Последние доклады',
    empty: 'Нет последних докладов',
    missing: 'не найден',
    missingTitle: 'Этого файла больше нет на месте',
    remove: 'Убрать {name} из списка',
    clear: 'Очистить список'
  },
  exportReveal: {
    open: 'Открыть экспортированный файл',
    folder: 'Показать в папке',
    failed: 'Не удалось показать экспортированный файл.'
  },
  houseTemplate: {
    label: 'Шаблон учреждения для экспорта в Word',
    none: 'Встроенный стиль ООН',
    choose: 'Выбрать…',
    stop: 'Использовать встроенный стиль',
    hint: 'Файл .dotx или .docx вашего учреждения: его стили, шрифты, поля, колонтитулы (с эмблемой) заменяют встроенные.'
  }
}
