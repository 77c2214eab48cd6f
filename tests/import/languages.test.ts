import { importText } from '../../src/core/import'
import { detectLanguage } from '../../src/core/import/language'
import { statsOf } from './helpers'

describe('text import in the other official languages', () => {
  it('French: a) lists, Recommandation blocks, "paragraphe 3 ci-dessous"', () => {
    const { report, notes } = importText(
      [
        'Groupe de travail sur le trafic illicite de migrants',
        'Vienne, 4-6 juin 2024',
        '',
        'Projet de rapport',
        '',
        'I. Introduction',
        '',
        '1. Dans sa décision 5/3, la Conférence a créé le Groupe de travail, comme indiqué au paragraphe 2 ci-dessous.',
        '',
        '2. Le Groupe de travail était saisi des documents suivants :',
        'a) Ordre du jour provisoire (CTOC/COP/WG.7/2024/1) ;',
        'b) Document d’information.',
        '',
        'Recommandation 1',
        'Les États parties devraient renforcer la collecte des données, comme le prévoit la recommandation 1.',
        ''
      ].join('\n')
    )
    const stats = statsOf(report)
    expect(stats.language).toBe('fr')
    expect(stats.masthead.title).toBe('Projet de rapport')
    expect(stats.lists).toEqual([{ inParagraph: 2, items: ['a)', 'b)'] }])
    expect(stats.recommendations).toEqual(['Recommandation 1'])
    expect(stats.crossReferences).toEqual([
      { in: 'paragraphe 1', to: 'paragraphe 2', broken: false },
      { in: 'Recommandation 1', to: 'recommandation 1', broken: false }
    ])
    expect(notes).toEqual([])
  })

  it('Russian: а) б) lists and "пункте 2 ниже"', () => {
    const { report } = importText(
      [
        'I. Введение',
        '',
        '1. Конференция учредила Рабочую группу, как указано в пункте 2 ниже.',
        '',
        '2. Рабочая группа рассмотрела следующие документы:',
        'а) предварительная повестка дня;',
        'б) справочный документ.',
        ''
      ].join('\n')
    )
    const stats = statsOf(report)
    expect(stats.language).toBe('ru')
    expect(stats.lists).toEqual([{ inParagraph: 2, items: ['а)', 'б)'] }])
    expect(stats.crossReferences).toEqual([{ in: 'пункт 1', to: 'пункт 2', broken: false }])
  })

  it('Arabic: أولا - chapters, ألف - sections, 1 - paragraphs, (أ) lists, التوصية blocks', () => {
    const { report } = importText(
      [
        'أولا - مقدمة',
        '',
        '1 - أنشأ مؤتمر الأطراف الفريق العامل، على النحو المبين في الفقرة 2 أدناه.',
        '',
        'ثانيا - التوصيات',
        '',
        'ألف - توصيات عامة',
        '',
        '2 - يوصي الفريق العامل بأن ينظر المؤتمر في ما يلي:',
        '(أ) جمع البيانات؛',
        '(ب) التعاون الدولي.',
        '',
        'التوصية 1',
        'ينبغي للدول الأطراف أن تعزز جمع البيانات.',
        ''
      ].join('\n')
    )
    const stats = statsOf(report)
    expect(stats.language).toBe('ar')
    expect(stats.chapters.map((c) => c.label)).toEqual(['أولا -', 'ثانيا -'])
    expect(stats.chapters[1].sections).toEqual([{ label: 'ألف -', title: 'توصيات عامة' }])
    expect(stats.numberedParagraphs).toBe(2)
    expect(stats.lists).toEqual([{ inParagraph: 2, items: ['(أ)', '(ب)'] }])
    expect(stats.recommendations).toEqual(['التوصية 1'])
    expect(stats.crossReferences).toEqual([{ in: 'الفقرة 1', to: 'الفقرة 2', broken: false }])
  })

  it('Spanish: Recomendación blocks, a) lists, "Capítulo II" headings and an Anexo with its own series', () => {
    const { report } = importText(
      [
        'Grupo de Trabajo sobre el Tráfico Ilícito de Migrantes',
        'Viena, 4 a 6 de junio de 2024',
        '',
        'Proyecto de informe',
        '',
        'I. Introducción',
        '',
        '1. El Grupo de Trabajo examinó los documentos siguientes:',
        'a) El programa provisional;',
        'b) La nota de la Secretaría.',
        '',
        'Capítulo II',
        '',
        'Recomendaciones',
        '',
        '2. El Grupo de Trabajo aprobó las recomendaciones siguientes.',
        '',
        'Recomendación 1',
        'Los Estados partes deberían reforzar la reunión de datos.',
        '',
        'Anexo',
        '',
        'Lista de documentos',
        '',
        '1. El programa provisional.',
        ''
      ].join('\n')
    )
    const stats = statsOf(report)
    expect(stats.language).toBe('es')
    expect(stats.chapters.map((c) => c.title)).toEqual(['Introducción', 'Recomendaciones'])
    expect(stats.numberedParagraphs).toBe(2)
    expect(stats.lists).toEqual([{ inParagraph: 1, items: ['a)', 'b)'] }])
    expect(stats.recommendations).toEqual(['Recomendación 1'])
    expect(stats.annexes?.map((a) => [a.title, a.numberedParagraphs])).toEqual([
      ['Lista de documentos', 1]
    ])
  })

  it('Russian: Рекомендация blocks and an Приложение with its own series', () => {
    const { report } = importText(
      [
        'Рабочая группа по незаконному ввозу мигрантов',
        'Вена, 4–6 июня 2024 года',
        '',
        'Проект доклада',
        '',
        'I. Введение',
        '',
        '1. Рабочая группа рассмотрела следующие документы:',
        'а) предварительную повестку дня;',
        'б) записку Секретариата.',
        '',
        'Рекомендация 1',
        'Государствам-участникам следует укреплять сбор данных.',
        '',
        'Приложение',
        '',
        'Перечень документов',
        '',
        '1. Предварительная повестка дня.',
        ''
      ].join('\n')
    )
    const stats = statsOf(report)
    expect(stats.language).toBe('ru')
    expect(stats.numberedParagraphs).toBe(1)
    expect(stats.lists).toEqual([{ inParagraph: 1, items: ['а)', 'б)'] }])
    expect(stats.recommendations).toEqual(['Рекомендация 1'])
    expect(stats.annexes?.map((a) => [a.title, a.numberedParagraphs])).toEqual([
      ['Перечень документов', 1]
    ])
  })

  it('detects each language from its text and says when it is unsure', () => {
    expect(
      detectLanguage('El Grupo de Trabajo tuvo ante sí los documentos de la reunión').language
    ).toBe('es')
    expect(detectLanguage('工作组通过了下列建议').language).toBe('zh')
    expect(detectLanguage('12345 67890').doubt).toMatch(/could not be recognized/)
  })

  it('takes the language the caller names over its own guess', () => {
    expect(
      importText('I. Introduction\n\n1. Text.\n', { language: 'fr' }).report.meta.language
    ).toBe('fr')
  })
})
