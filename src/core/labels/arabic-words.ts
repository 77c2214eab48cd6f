/**
 * Arabic headings number chapters with ordinal words and sections with the
 * names of the letters, in abjad order. Past the end of a table, digits.
 */

/** Chapter ordinals: أولا, ثانيا … */
export const ARABIC_ORDINALS: readonly string[] = [
  'أولا',
  'ثانيا',
  'ثالثا',
  'رابعا',
  'خامسا',
  'سادسا',
  'سابعا',
  'ثامنا',
  'تاسعا',
  'عاشرا',
  'حادي عشر',
  'ثاني عشر',
  'ثالث عشر',
  'رابع عشر',
  'خامس عشر'
]

/** Section letter names: ألف, باء, جيم … */
export const ARABIC_SECTION_NAMES: readonly string[] = [
  'ألف',
  'باء',
  'جيم',
  'دال',
  'هاء',
  'واو',
  'زاي',
  'حاء',
  'طاء',
  'ياء',
  'كاف',
  'لام',
  'ميم',
  'نون',
  'سين',
  'عين'
]
