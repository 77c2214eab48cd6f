import type { UiLanguage } from '@shared/contract'

/**
 * Labels for the menu items that Electron's built-in roles carry out
 * (clipboard, zoom, full screen, quit). Electron names them in English on
 * Windows and Linux whatever the interface language, so the menu gives each
 * role its label from this table; the role still does the work.
 */

/** The roles the application menu uses on Windows and Linux, each with its label. */
export interface RoleLabels {
  cut: string
  copy: string
  paste: string
  selectAll: string
  resetZoom: string
  zoomIn: string
  zoomOut: string
  togglefullscreen: string
  quit: string
  windowMenu: string
}

/** The role labels by interface language. `&` marks the Alt-key letter. */
export const ROLE_LABELS: Record<UiLanguage, RoleLabels> = {
  en: {
    cut: 'Cu&t',
    copy: '&Copy',
    paste: '&Paste',
    selectAll: 'Select &All',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    togglefullscreen: 'Toggle Full Screen',
    quit: '&Quit',
    windowMenu: '&Window'
  },
  fr: {
    cut: 'Co&uper',
    copy: '&Copier',
    paste: 'C&oller',
    selectAll: '&Tout sélectionner',
    resetZoom: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    togglefullscreen: 'Plein écran',
    quit: '&Quitter',
    windowMenu: 'Fe&nêtre'
  },
  es: {
    cut: 'Cor&tar',
    copy: '&Copiar',
    paste: '&Pegar',
    selectAll: 'Seleccionar &todo',
    resetZoom: 'Tamaño real',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    togglefullscreen: 'Pantalla completa',
    quit: '&Salir',
    windowMenu: 'V&entana'
  },
  ru: {
    cut: '&Вырезать',
    copy: '&Копировать',
    paste: 'Вст&авить',
    selectAll: 'Выделить &всё',
    resetZoom: 'Исходный размер',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    togglefullscreen: 'Полноэкранный режим',
    quit: 'В&ыход',
    windowMenu: '&Окно'
  },
  zh: {
    cut: '剪切(&T)',
    copy: '复制(&C)',
    paste: '粘贴(&P)',
    selectAll: '全选(&A)',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    togglefullscreen: '切换全屏',
    quit: '退出(&Q)',
    windowMenu: '窗口(&W)'
  },
  ar: {
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
    resetZoom: 'الحجم الفعلي',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    togglefullscreen: 'ملء الشاشة',
    quit: 'خروج',
    windowMenu: 'نافذة'
  }
}

/** A menu item that Electron's role carries out, labelled in the interface language. */
export function roleItem<Role extends keyof RoleLabels>(
  role: Role,
  language: UiLanguage
): { role: Role; label: string } {
  return { role, label: ROLE_LABELS[language][role] }
}
