import { mastheadDate, mastheadWords, versionLanguageLine } from '../../src/core/masthead-words'

describe('masthead words', () => {
  it('prints the date of issue in the report language, anything else as typed', () => {
    expect(mastheadDate('2024-06-06', 'en')).toBe('6 June 2024')
    expect(mastheadDate('2024-06-06', 'fr')).toBe('6 juin 2024')
    expect(mastheadDate('early June', 'en')).toBe('early June')
  })

  it('names the Organization in the report language and keeps the English distribution block where the house style does', () => {
    expect(mastheadWords('zh').unitedNations).toBe('联合国')
    expect(mastheadWords('zh').distribution('Limited')).toBe('Distr.: Limited')
    expect(mastheadWords('fr').distribution('General')).toBe('Distr. générale')
    expect(mastheadWords('es').original('español')).toBe('Original: español')
  })
})

describe('the language line of the distribution block', () => {
  it('names the version language when the original is another one, and stays empty otherwise', () => {
    expect(versionLanguageLine('zh', 'English')).toBe('Chinese')
    expect(versionLanguageLine('fr', 'anglais')).toBe('Français')
    expect(versionLanguageLine('ar', 'English')).toBe('Arabic')
    expect(versionLanguageLine('en', 'English')).toBe('')
    expect(versionLanguageLine('fr', 'Français')).toBe('')
    expect(versionLanguageLine('zh', '中文')).toBe('')
    expect(versionLanguageLine('ru', '')).toBe('')
  })
})
