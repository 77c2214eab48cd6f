import type { Messages } from './en'

/** Spanish interface messages. */
export const es: Messages = {
  app: { loading: 'Abriendo…', untitled: 'Informe sin título' },
  action: {
    cancel: 'Cancelar',
    close: 'Cerrar',
    dismiss: 'Descartar',
    save: 'Guardar',
    dontSave: 'No guardar',
    keepMine: 'Conservar mi versión',
    loadDisk: 'Cargar la versión del disco',
    overwrite: 'Sobrescribir',
    saveAsCopy: 'Guardar como…',
    structure: 'Estructurar',
    pastePlain: 'Pegar como texto sin formato'
  },
  ask: {
    unsavedTitle: '¿Guardar los cambios de «{title}»?',
    unsavedDetail: 'Los cambios se perderán si no los guarda.',
    conflictTitle: 'El archivo cambió en el disco',
    structureTitle: '¿Estructurar el informe pegado?',
    structureDetail:
      'Parece un informe completo. Rapporteur puede reconocer sus capítulos, secciones, párrafos numerados, recomendaciones, listas y notas, e indicar lo que no tenga claro.'
  },
  editor: { label: 'Texto del informe' },
  toolbar: {
    label: 'Herramientas del informe',
    new: 'Nuevo',
    newTitle: 'Nuevo informe a partir de la plantilla estándar',
    open: 'Abrir',
    openTitle: 'Abrir un informe (Ctrl+O)',
    save: 'Guardar',
    saveTitle: 'Guardar (Ctrl+S)',
    saveAs: 'Guardar como',
    saveAsTitle: 'Guardar con otro nombre (Ctrl+Mayús+S)',
    import: 'Importar',
    importTitle: 'Importar un informe .txt o .docx',
    export: 'Exportar a Word',
    exportTitle: 'Exportar el .docx oficial',
    undo: 'Deshacer (Ctrl+Z)',
    redo: 'Rehacer (Ctrl+Y)',
    recommendation: 'Recomendación',
    recommendationTitle: 'Insertar una recomendación (Ctrl+Alt+R)',
    footnote: 'Nota',
    footnoteTitle: 'Insertar una nota a pie de página (Ctrl+Alt+F)',
    reference: 'Remisión',
    referenceTitle: 'Insertar una remisión…',
    numbered: '¶ 1.',
    numberedTitle: 'Párrafo numerado / sin numerar',
    find: 'Buscar',
    findTitle: 'Buscar y reemplazar (Ctrl+F)',
    focus: 'Enfoque',
    focusTitle: 'Mostrar una sección a la vez',
    masthead: 'Encabezado',
    settings: 'Configuración',
    versions: 'Versiones',
    check: 'Revisar',
    checkTitle: 'Lo que hay que resolver antes de distribuir el informe (F7)',
    versionsTitle: 'Versiones anteriores de este archivo',
    unsaved: 'Cambios sin guardar',
    bold: 'Negrita (Ctrl+B)',
    italic: 'Cursiva (Ctrl+I)',
    outdent: 'Subir un nivel de lista (Mayús+Tab)',
    indent: 'Bajar un nivel de lista, a) a i) (Tab)'
  },
  outline: {
    expand: 'Mostrar el esquema',
    collapse: 'Ocultar el esquema',
    label: 'Esquema',
    addChapter: 'Añadir un capítulo después del seleccionado',
    addSection: 'Añadir una sección después de la seleccionada',
    addSubsection: 'Añadir una subsección a la sección seleccionada',
    chapterShort: 'Capítulo',
    sectionShort: 'Sección',
    subsectionShort: 'Subsec.',
    newChapterTitle: 'Nuevo capítulo',
    newSectionTitle: 'Nueva sección',
    newSubsectionTitle: 'Nueva subsección',
    moveUp: 'Subir (Alt+↑)',
    moveDown: 'Bajar (Alt+↓)',
    rename: 'Cambiar nombre',
    delete: 'Eliminar',
    deleted: '{label} eliminado. Deshacer con Ctrl+Z.',
    status: 'Estado de redacción',
    untitled: '(sin título)',
    selected: 'Elemento seleccionado'
  },
  status: {
    draft: 'Borrador',
    review: 'En examen',
    agreed: 'Aprobado',
    paragraph: 'párr. {label}',
    nowhere: 'Listo',
    words: '{words} / {limit} palabras',
    broken: 'Remisiones rotas: {count}',
    brackets: 'Corchetes: {count}'
  },
  find: {
    find: 'Buscar',
    replaceWith: 'Reemplazar por',
    count: '{current} de {count}',
    matchCase: 'Coincidir mayúsculas',
    previous: 'Anterior (Mayús+Intro)',
    next: 'Siguiente (Intro)',
    replace: 'Reemplazar',
    replaceAll: 'Reemplazar todo',
    replaced: '{count} coincidencias reemplazadas.'
  },
  menu: {
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    pastePlain: 'Pegar como texto sin formato',
    subparagraphList: 'Insertar una lista de apartados a), b)…',
    agendaList: 'Insertar una lista del programa 1., 2.…',
    moveBlockUp: 'Subir el bloque',
    moveBlockDown: 'Bajar el bloque',
    moveBlockTo: 'Mover a la sección…',
    deleteBlock: 'Eliminar el bloque'
  },
  panel: {
    masthead: 'Encabezado',
    settings: 'Configuración',
    'import-notes': 'Notas de importación',
    check: 'Revisión',
    review: 'Revisión'
  },
  masthead: {
    clickToEdit: 'Haga clic para editar el encabezado',
    noSymbol: 'Sin signatura',
    problems: 'El encabezado tiene {count} problema(s): ábralo para corregirlos.',
    symbol: 'Signatura del documento',
    distribution: 'Distribución',
    date: 'Fecha de publicación',
    originalLanguage: 'Idioma original',
    parentBody: 'Órgano principal',
    subsidiaryBody: 'Órgano subsidiario',
    session: 'Período de sesiones',
    meeting: 'Fechas y lugar de la reunión',
    agendaItem: 'Tema del programa',
    title: 'Título',
    jobNumber: 'Número de referencia',
    agendaSymbol: 'Signatura del programa provisional (nota *)',
    problem: {
      symbol:
        'No es una signatura de las Naciones Unidas (p. ej., CTOC/COP/WG.4/2019/L.1): no se aplicó.',
      date: 'Escriba la fecha como aaaa-mm-dd: no se aplicó.',
      other: '{message}'
    }
  },
  settings: {
    footerBarcode: 'Código de barras del número de referencia al pie de la primera página',
    footerQrCode: 'Código QR de la dirección undocs.org al pie de la primera página',
    report: 'Este informe',
    language: 'Idioma del informe',
    recommendationStyle: 'Recomendaciones',
    styleBlock: 'Bloques titulados «Recomendación N»',
    styleParagraph: 'Numeradas como párrafos',
    wordLimit: 'Límite de palabras',
    limitProblem: 'Un número entero de palabras, al menos 1.',
    secretariat: 'Secretaría (8.500)',
    other: 'Otros (10.700)',
    app: 'Rapporteur',
    uiLanguage: 'Idioma de la interfaz',
    autosaveToFile: 'Guardar el archivo automáticamente tras una pausa al escribir',
    spellingDownloads:
      'Descargar de Internet los diccionarios ortográficos que falten (servidores de Google)',
    versionsKept: 'Versiones anteriores conservadas por informe',
    autoCorrect: 'Autocorrección al escribir',
    autoCorrectRule: {
      quotes: 'Comillas tipográficas del idioma del informe (« », “ ”)',
      dashes: 'Semirraya en los intervalos (3–5, 2019–2020)',
      nonBreakingSpaces: 'Mantener «párrafo 12», «artículo 5»… en una línea'
    }
  },
  language: {
    en: 'inglés',
    fr: 'francés',
    es: 'español',
    ru: 'ruso',
    zh: 'chino',
    ar: 'árabe'
  },
  check: {
    intro:
      'Lo que hay que resolver antes de distribuir el informe. Haga clic en una fila para ir allí.',
    summary: '{blocking} bloqueante(s) · {warnings} por revisar',
    clean: 'Nada que resolver: el informe puede distribuirse.',
    blocking: 'Impide la distribución',
    warning: 'Por revisar',
    report: 'Todo el informe',
    open: 'Abrir la revisión',
    exportAnyway: 'Exportar de todos modos',
    exportTitle: '{count} problema(s) impiden la distribución',
    blockingBrackets: '{count} pasaje(s) aún entre corchetes.',
    blockingReferences: '{count} remisión(es) a texto eliminado.',
    kind: {
      'square-brackets': 'Entre corchetes: {text}',
      'broken-reference': 'Remisión a un texto que ya no existe',
      'word-limit':
        '{words} palabras para un límite de {limit} (notas: {footnoteWords}, contadas aparte)',
      'empty-container': '{container} vacío: nada bajo su título',
      'not-agreed': '{container} aún «{status}», no aprobado',
      untranslated: 'Aún sin traducir: {text}',
      'empty-paragraph': 'Párrafo vacío',
      'footnote-in-heading': 'Llamada de nota en un título',
      'recommendation-placement':
        'Recomendación fuera del capítulo de recomendaciones (en {chapter})',
      'import-note': 'Nota de importación (línea {line}): {message}'
    },
    container: { chapter: 'capítulo', section: 'sección', subsection: 'subsección' },
    masthead: {
      missing: 'Encabezado: falta {field}',
      malformed: 'Encabezado: {field} con formato incorrecto (se esperaba {expected})'
    },
    field: {
      symbol: 'la signatura',
      distribution: 'la distribución',
      date: 'la fecha',
      originalLanguage: 'el idioma original',
      parentBody: 'el órgano principal',
      subsidiaryBody: 'el órgano',
      session: 'el período de sesiones',
      meeting: 'las fechas y el lugar',
      agendaItem: 'el tema del programa',
      title: 'el título',
      jobNumber: 'el número de referencia'
    },
    symbol: {
      'not-linked': 'La signatura {symbol} no está vinculada',
      'own-symbol': 'El informe cita su propia signatura {symbol}',
      mismatch: 'El vínculo {symbol} difiere del texto que marca'
    },
    review: {
      suggestion: 'Una sugerencia abierta | {count} sugerencias abiertas',
      comment: 'Un comentario abierto | {count} comentarios abiertos'
    }
  },
  importNotes: {
    intro: 'La importación tuvo dudas en {count} lugar(es). Haga clic en una nota para ir allí.',
    line: 'Línea {line}',
    gone: 'Ese lugar ya no está en el informe.',
    confidence: {
      high: 'La estructura se leyó con seguridad: hay poco que revisar.',
      medium: 'Casi toda la estructura se leyó con seguridad: revise los grupos siguientes.',
      low: 'Gran parte de la estructura se dedujo: revise los grupos siguientes antes de confiar en ella.'
    },
    kind: {
      footnotes: 'Notas a pie de página',
      headings: 'Capítulos, secciones y anexos',
      paragraphs: 'Párrafos numerados y recomendaciones',
      lists: 'Listas',
      masthead: 'Encabezado',
      text: 'Texto',
      other: 'Otros'
    }
  },
  reference: {
    title: 'Insertar una remisión',
    search: 'Número o palabras, p. ej., 12, II.B, recomendación 3, tráfico',
    none: 'Sin resultados.',
    insert: 'Insertar'
  },
  recovery: {
    title: 'Recuperar el trabajo no guardado',
    intro:
      'Rapporteur se cerró antes de guardar estos informes. Restáurelos o descarte las copias.',
    neverSaved: 'nunca guardado',
    fileMissing: 'el archivo ya no está en el disco',
    sameSize: 'misma longitud que en el disco',
    longer: '{count} caracteres más que en el disco',
    shorter: '{count} caracteres menos que en el disco',
    savedAt: 'conservado {time}',
    restore: 'Restaurar',
    discard: 'Descartar',
    later: 'Decidir más tarde'
  },
  versions: {
    title: 'Versiones anteriores',
    notSaved: 'Este informe aún no se ha guardado.',
    none: 'Aún no hay versiones anteriores: se conserva una cada vez que guarda.',
    restore: 'Abrir como documento nuevo'
  },
  compare: {
    withVersion: 'Comparar',
    withVersionTitle: 'Mostrar los cambios desde esta versión, como sugerencias',
    withFile: 'Comparar con un archivo…',
    shown:
      'Los cambios desde {name} se muestran como sugerencias: {insertions} inserción(es), {deletions} eliminación(es), {moves} traslado(s).',
    none: 'No hay diferencias con {name}.',
    failed: 'No se puede comparar: {message}',
    pendingSuggestions:
      'Acepte o rechace las sugerencias que ya contiene este informe antes de compararlo con otra versión.'
  },
  moveBlock: {
    where: 'Dónde en la sección',
    atStart: 'Al principio de su texto',
    atEnd: 'Al final de su texto (antes de sus subsecciones)',
    title: 'Mover a la sección',
    filter: 'Número o título, p. ej., II.B',
    notMoved: 'El bloque ya está allí.'
  },
  newReport: {
    title: 'Nuevo informe',
    hint: 'El informe parte del esquema estándar de un informe de grupo de trabajo en ese idioma.',
    create: 'Crear'
  },
  languageVersion: {
    button: 'Versión lingüística',
    buttonTitle:
      'Nueva versión lingüística de este informe (mismos números, textos marcados para traducir)',
    sideBySideButton: 'En paralelo',
    sideBySideTitle: 'Mostrar otra versión lingüística de este informe a su lado',
    title: 'Nueva versión lingüística',
    language: 'Idioma de la nueva versión',
    hint: 'La nueva versión conserva cada capítulo, sección, número de párrafo, recomendación, nota y remisión. Cada texto queda en el idioma original, marcado como aún sin traducir, hasta que se traduzca. Guárdela con su propio nombre.',
    create: 'Crear',
    created: 'Versión en {language} creada: cada texto está marcado para traducir.',
    sideBySide: 'Versiones lingüísticas en paralelo',
    differences:
      'Ninguna diferencia de estructura | Una diferencia de estructura | {count} diferencias de estructura',
    number: 'N.º',
    thisReport: 'Este informe ({language})',
    recommendation: 'Recomendación {n}',
    missingHere: 'Falta en este informe',
    missingThere: 'Falta en la otra versión',
    numberedThere: 'Numerado {path} en la otra versión',
    differentKind: 'Otro tipo de bloque en la otra versión'
  },
  notice: {
    cannotOpen: 'No se puede abrir el informe: {message}',
    saveFailed: 'El informe no se guardó: {message}',
    hardLinksBroken:
      'Guardado. Este archivo tenía también otros nombres (enlaces duros): siguen mostrando el texto anterior, porque al guardar este nombre pasó a un archivo nuevo.',
    recoveryFailed: 'No se pudo escribir la copia de recuperación: {message}',
    windowStateFailed:
      'Rapporteur no pudo registrar el estado de la ventana: {message}. Guarde su trabajo.',
    exporting: 'Exportando a Word…',
    exported: 'Exportado a {path}',
    exportFailed: 'Error al exportar: {message}',
    imported: 'Importado. {count} nota(s) por revisar.',
    changedOnDisk: 'Otro programa modificó este archivo desde que lo abrió.',
    reloaded: 'El archivo cambió en el disco y se volvió a cargar.',
    brokenReference: 'El párrafo al que se remite ya no existe.',
    structureFailed: 'No se pudo estructurar el texto: {message}',
    brokenByEdit: 'Este cambio rompió {count} remisión(es) a {targets}.',
    undoEdit: 'Deshacer',
    pasteFailed: 'No se pudo leer el portapapeles: use Ctrl+V.',
    headingsAsText:
      'Títulos pegados conservados como texto (aquí no tienen un lugar único como secciones): {titles}.'
  },
  review: {
    track: 'Control de cambios',
    trackShort: 'Control',
    trackTitle: 'Registrar las ediciones como sugerencias (Ctrl+Mayús+E)',
    as: 'Las sugerencias y los comentarios se registran a nombre de {author} (véase Configuración).',
    defaultAuthor: 'Autor',
    authorName: 'Su nombre para el control de cambios y los comentarios',
    authorInitials: 'Sus iniciales',
    show: 'Mostrar',
    view: {
      markup: 'Todas las marcas',
      final: 'Final (cambios aceptados)',
      original: 'Original (antes de los cambios)'
    },
    count: '{count} sugerencia(s)',
    previous: 'Anterior',
    next: 'Siguiente',
    accept: 'Aceptar',
    reject: 'Rechazar',
    acceptAll: 'Aceptar todo',
    rejectAll: 'Rechazar todo',
    comments: 'Comentarios',
    commentHint: 'Seleccione texto (o ponga el cursor en un párrafo) y escriba un comentario',
    addComment: 'Añadir comentario',
    anchorLost: 'Se ha eliminado el texto al que se refería este comentario.',
    goToAnchor: 'Mostrar en el texto',
    replyHint: 'Responder…',
    reply: 'Responder',
    resolve: 'Resolver',
    reopen: 'Reabrir'
  },
  pageView: {
    label: 'Vista de página',
    toggle: 'Páginas',
    toggleTitle: 'Mostrar el informe en páginas, tal como se imprimirá (Ctrl+Mayús+P)',
    laying: 'Compaginando…',
    failed: 'No se pudo compaginar: {message}',
    pages: 'Páginas: {count}',
    savePdf: 'Guardar como PDF',
    savePdfTitle: 'Guardar las páginas en un archivo PDF',
    pdfSaved: 'Se guardó {path}',
    pdfFailed: 'No se pudo guardar el PDF: {message}'
  },
  recent: {
    button: 'Recientes',
    title: 'Informes abiertos recientemente',
    label: 'Informes recientes',
    empty: 'No hay informes recientes',
    missing: 'no encontrado',
    missingTitle: 'Este archivo ya no está en su lugar',
    remove: 'Quitar {name} de la lista',
    clear: 'Borrar la lista'
  },
  exportReveal: {
    open: 'Abrir el archivo exportado',
    folder: 'Mostrar en la carpeta',
    failed: 'No se pudo mostrar el archivo exportado.'
  },
  houseTemplate: {
    label: 'Plantilla de la oficina para exportar a Word',
    none: 'Estilo integrado de las Naciones Unidas',
    choose: 'Elegir…',
    stop: 'Usar el estilo integrado',
    hint: 'El .dotx o .docx de su oficina: sus estilos, fuentes, márgenes, encabezados y pies de página (con el emblema) sustituyen a los integrados.'
  }
}
