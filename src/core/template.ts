import type { Node } from 'prosemirror-model'
import { schema } from './schema'
import { newId } from './ids'
import type { Language } from './languages'
import { defaultSettings, emptyMasthead } from './meta'
import { reportWithMeta, type Report } from './report-file'

/**
 * The standard outline of a working-group report, from which a new report
 * starts: Introduction; Recommendations; Summary of deliberations;
 * Organization of the meeting (opening, agenda, attendance, documentation);
 * Adoption of the report.
 */

interface Outline {
  chapters: Array<{ title: string; sections?: string[] }>
  title: string
  originalLanguage: string
}

const OUTLINES: Record<Language, Outline> = {
  en: {
    title: 'Draft report',
    originalLanguage: 'English',
    chapters: [
      { title: 'Introduction' },
      { title: 'Recommendations' },
      { title: 'Summary of deliberations' },
      {
        title: 'Organization of the meeting',
        sections: [
          'Opening of the meeting',
          'Adoption of the agenda and organization of work',
          'Attendance',
          'Documentation'
        ]
      },
      { title: 'Adoption of the report' }
    ]
  },
  fr: {
    title: 'Projet de rapport',
    originalLanguage: 'français',
    chapters: [
      { title: 'Introduction' },
      { title: 'Recommandations' },
      { title: 'Résumé des débats' },
      {
        title: 'Organisation de la réunion',
        sections: [
          'Ouverture de la réunion',
          'Adoption de l’ordre du jour et organisation des travaux',
          'Participation',
          'Documentation'
        ]
      },
      { title: 'Adoption du rapport' }
    ]
  },
  es: {
    title: 'Proyecto de informe',
    originalLanguage: 'español',
    chapters: [
      { title: 'Introducción' },
      { title: 'Recomendaciones' },
      { title: 'Resumen de las deliberaciones' },
      {
        title: 'Organización de la reunión',
        sections: [
          'Apertura de la reunión',
          'Aprobación del programa y organización de los trabajos',
          'Asistencia',
          'Documentación'
        ]
      },
      { title: 'Aprobación del informe' }
    ]
  },
  ru: {
    title: 'Проект доклада',
    originalLanguage: 'русский',
    chapters: [
      { title: 'Введение' },
      { title: 'Рекомендации' },
      { title: 'Краткое изложение хода обсуждения' },
      {
        title: 'Организация работы совещания',
        sections: [
          'Открытие совещания',
          'Утверждение повестки дня и организация работы',
          'Участники',
          'Документация'
        ]
      },
      { title: 'Утверждение доклада' }
    ]
  },
  zh: {
    title: '报告草稿',
    originalLanguage: '中文',
    chapters: [
      { title: '导言' },
      { title: '建议' },
      { title: '审议情况概要' },
      { title: '会议安排', sections: ['会议开幕', '通过议程和工作安排', '出席情况', '文件'] },
      { title: '通过报告' }
    ]
  },
  ar: {
    title: 'مشروع التقرير',
    originalLanguage: 'العربية',
    chapters: [
      { title: 'مقدمة' },
      { title: 'التوصيات' },
      { title: 'موجز المداولات' },
      {
        title: 'تنظيم الاجتماع',
        sections: ['افتتاح الاجتماع', 'إقرار جدول الأعمال وتنظيم الأعمال', 'الحضور', 'الوثائق']
      },
      { title: 'اعتماد التقرير' }
    ]
  }
}

function heading(title: string): Node {
  return schema.nodes.heading.create(null, title ? schema.text(title) : null)
}

/** A new chapter with the given title and sections, each with fresh ids. */
export function newChapter(title: string, sections: Node[] = []): Node {
  return schema.nodes.chapter.create({ id: newId() }, [heading(title), ...sections])
}

/** A new section with the given title and body blocks. */
export function newSection(title: string, body: Node[] = []): Node {
  return schema.nodes.section.create({ id: newId() }, [heading(title), ...body])
}

/** The document of a new report in `language`: the standard chapters, no text yet. */
export function templateDocument(language: Language): Node {
  const outline = OUTLINES[language]
  return schema.nodes.doc.create(
    null,
    outline.chapters.map((chapter) =>
      newChapter(
        chapter.title,
        (chapter.sections ?? []).map((title) => newSection(title))
      )
    )
  )
}

/** A new report in `language`, from the standard template. */
export function newReport(language: Language): Report {
  const outline = OUTLINES[language]
  const masthead = {
    ...emptyMasthead(),
    title: outline.title,
    originalLanguage: outline.originalLanguage
  }
  const meta = { language, masthead, settings: defaultSettings() }
  return reportWithMeta(meta, templateDocument(language))
}
