import type { UiLanguage } from '@shared/contract'

/**
 * The desktop menu's words in the six interface languages. The renderer's
 * catalogues live in the page's bundle; the menu is built in the main
 * process, so it has its own small table. `&` marks the Alt-key letter on
 * Windows and Linux.
 */

/** Every label the application menu shows. */
export interface MenuLabels {
  file: string
  edit: string
  insert: string
  view: string
  new: string
  open: string
  import: string
  save: string
  saveAs: string
  exportDocx: string
  check: string
  versions: string
  compareVersion: string
  compareFile: string
  newLanguageVersion: string
  sideBySide: string
  settings: string
  undo: string
  redo: string
  find: string
  recommendation: string
  footnote: string
  crossReference: string
  toggleNumbered: string
  help: string
  newWindow: string
  checkForUpdates: string
  pageView: string
  savePdf: string
  openRecent: string
  clearRecent: string
  /** Shown greyed in Open Recent when the list is empty. */
  noRecent: string
  /** "About Rapporteur", with the app's name. */
  about(appName: string): string
}

/** The menu labels by interface language. */
export const MENU_LABELS: Record<UiLanguage, MenuLabels> = {
  en: {
    file: '&File',
    edit: '&Edit',
    insert: '&Insert',
    view: '&View',
    new: 'New',
    open: 'Open…',
    import: 'Import…',
    save: 'Save',
    saveAs: 'Save As…',
    exportDocx: 'Export to Word…',
    check: 'Check Before Circulating…',
    versions: 'Versions…',
    compareVersion: 'Compare with Version…',
    compareFile: 'Compare with File…',
    newLanguageVersion: 'New Language Version…',
    sideBySide: 'Side by Side with Another Language Version…',
    settings: 'Settings…',
    undo: 'Undo',
    redo: 'Redo',
    find: 'Find…',
    recommendation: 'Recommendation',
    footnote: 'Footnote',
    crossReference: 'Cross-reference…',
    toggleNumbered: 'Toggle Numbered Paragraph',
    help: '&Help',
    newWindow: 'New Window',
    checkForUpdates: 'Check for Updates…',
    pageView: 'Page View',
    savePdf: 'Save as PDF…',
    openRecent: 'Open Recent',
    clearRecent: 'Clear Recently Opened',
    noRecent: 'No Recent Reports',
    about: (name) => `About ${name}`
  },
  fr: {
    file: '&Fichier',
    edit: '&Édition',
    insert: '&Insertion',
    view: '&Affichage',
    new: 'Nouveau',
    open: 'Ouvrir…',
    import: 'Importer…',
    save: 'Enregistrer',
    saveAs: 'Enregistrer sous…',
    exportDocx: 'Exporter vers Word…',
    check: 'Vérifier avant distribution…',
    versions: 'Versions…',
    compareVersion: 'Comparer avec une version…',
    compareFile: 'Comparer avec un fichier…',
    newLanguageVersion: 'Nouvelle version linguistique…',
    sideBySide: 'Côte à côte avec une autre version linguistique…',
    settings: 'Paramètres…',
    undo: 'Annuler',
    redo: 'Rétablir',
    find: 'Rechercher…',
    recommendation: 'Recommandation',
    footnote: 'Note de bas de page',
    crossReference: 'Renvoi…',
    toggleNumbered: 'Paragraphe numéroté ou non',
    help: '&Aide',
    newWindow: 'Nouvelle fenêtre',
    checkForUpdates: 'Rechercher des mises à jour…',
    pageView: 'Affichage page',
    savePdf: 'Enregistrer en PDF…',
    openRecent: 'Ouvrir un fichier récent',
    clearRecent: 'Effacer la liste des fichiers récents',
    noRecent: 'Aucun rapport récent',
    about: (name) => `À propos de ${name}`
  },
  es: {
    file: '&Archivo',
    edit: '&Edición',
    insert: '&Insertar',
    view: '&Ver',
    new: 'Nuevo',
    open: 'Abrir…',
    import: 'Importar…',
    save: 'Guardar',
    saveAs: 'Guardar como…',
    exportDocx: 'Exportar a Word…',
    check: 'Revisar antes de distribuir…',
    versions: 'Versiones…',
    compareVersion: 'Comparar con una versión…',
    compareFile: 'Comparar con un archivo…',
    newLanguageVersion: 'Nueva versión lingüística…',
    sideBySide: 'En paralelo con otra versión lingüística…',
    settings: 'Configuración…',
    undo: 'Deshacer',
    redo: 'Rehacer',
    find: 'Buscar…',
    recommendation: 'Recomendación',
    footnote: 'Nota a pie de página',
    crossReference: 'Remisión…',
    toggleNumbered: 'Párrafo numerado o sin numerar',
    help: 'A&yuda',
    newWindow: 'Nueva ventana',
    checkForUpdates: 'Buscar actualizaciones…',
    pageView: 'Vista de página',
    savePdf: 'Guardar como PDF…',
    openRecent: 'Abrir reciente',
    clearRecent: 'Borrar la lista de recientes',
    noRecent: 'No hay informes recientes',
    about: (name) => `Acerca de ${name}`
  },
  ru: {
    file: '&Файл',
    edit: '&Правка',
    insert: '&Вставка',
    view: '&Вид',
    new: 'Создать',
    open: 'Открыть…',
    import: 'Импорт…',
    save: 'Сохранить',
    saveAs: 'Сохранить как…',
    exportDocx: 'Экспорт в Word…',
    check: 'Проверить перед распространением…',
    versions: 'Версии…',
    compareVersion: 'Сравнить с версией…',
    compareFile: 'Сравнить с файлом…',
    newLanguageVersion: 'Новая языковая версия…',
    sideBySide: 'Рядом с другой языковой версией…',
    settings: 'Настройки…',
    undo: 'Отменить',
    redo: 'Повторить',
    find: 'Найти…',
    recommendation: 'Рекомендация',
    footnote: 'Сноска',
    crossReference: 'Перекрестная ссылка…',
    toggleNumbered: 'Нумерованный или ненумерованный пункт',
    help: '&Справка',
    newWindow: 'Новое окно',
    checkForUpdates: 'Проверить обновления…',
    pageView: 'Постраничный вид',
    savePdf: 'Сохранить как PDF…',
    openRecent: 'Последние файлы',
    clearRecent: 'Очистить список последних файлов',
    noRecent: 'Нет последних докладов',
    about: (name) => `О программе ${name}`
  },
  zh: {
    file: '文件(&F)',
    edit: '编辑(&E)',
    insert: '插入(&I)',
    view: '视图(&V)',
    new: '新建',
    open: '打开…',
    import: '导入…',
    save: '保存',
    saveAs: '另存为…',
    exportDocx: '导出为 Word…',
    check: '分发前检查…',
    versions: '版本…',
    compareVersion: '与版本比较…',
    compareFile: '与文件比较…',
    newLanguageVersion: '新建语文版本…',
    sideBySide: '与另一语文版本并排…',
    settings: '设置…',
    undo: '撤销',
    redo: '重做',
    find: '查找…',
    recommendation: '建议',
    footnote: '脚注',
    crossReference: '交叉引用…',
    toggleNumbered: '编号段落/不编号段落',
    help: '帮助(&H)',
    newWindow: '新建窗口',
    checkForUpdates: '检查更新…',
    pageView: '页面视图',
    savePdf: '另存为 PDF…',
    openRecent: '最近打开',
    clearRecent: '清除最近打开的文件',
    noRecent: '没有最近的报告',
    about: (name) => `关于 ${name}`
  },
  ar: {
    file: '&ملف',
    edit: '&تحرير',
    insert: '&إدراج',
    view: '&عرض',
    new: 'جديد',
    open: 'فتح…',
    import: 'استيراد…',
    save: 'حفظ',
    saveAs: 'حفظ باسم…',
    exportDocx: 'تصدير إلى Word…',
    check: 'تدقيق قبل التعميم…',
    versions: 'النسخ…',
    compareVersion: 'مقارنة بنسخة…',
    compareFile: 'مقارنة بملف…',
    newLanguageVersion: 'نسخة لغوية جديدة…',
    sideBySide: 'جنباً إلى جنب مع نسخة لغوية أخرى…',
    settings: 'الإعدادات…',
    undo: 'تراجع',
    redo: 'إعادة',
    find: 'بحث…',
    recommendation: 'توصية',
    footnote: 'حاشية',
    crossReference: 'إحالة…',
    toggleNumbered: 'فقرة مرقمة أو غير مرقمة',
    help: '&تعليمات',
    newWindow: 'نافذة جديدة',
    checkForUpdates: 'البحث عن تحديثات…',
    pageView: 'عرض الصفحات',
    savePdf: 'حفظ بصيغة PDF…',
    openRecent: 'فتح ملف حديث',
    clearRecent: 'مسح قائمة الملفات الحديثة',
    noRecent: 'لا توجد تقارير حديثة',
    about: (name) => `حول ${name}`
  }
}
