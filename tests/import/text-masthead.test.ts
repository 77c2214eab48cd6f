import { importText } from '../../src/core/import'
import type { Masthead } from '../../src/core/meta'

/**
 * The masthead of a UN document copied out of its PDF as text: no bold says
 * which lines are the title, so it is told by where it stands — below the
 * agenda item and the item's own title, set apart by an empty line, by its
 * indentation (pdftotext -layout) or by the words a document's kind starts
 * with, and above its subtitle or the text.
 */

const BODY = [
  '',
  'I. Introduction',
  '1. The present report is submitted pursuant to the resolution of the Council and covers',
  'the period from January to December of the year under review.',
  '2. The Council requested that the report be made available in all official languages',
  'before the session, and that it be considered under the item named above.',
  ''
]

/** The masthead imported from a masthead's text (after its first line break) and a short body. */
const mastheadOf = (text: string) =>
  importText([...text.split('\n').slice(1), ...BODY].join('\n')).report.meta.masthead

const CASES: Array<{ name: string; text: string; expected: Partial<Masthead> }> = [
  {
    name: 'takes the title from below the agenda item and its title, over a wrapped line, up to its subtitle',
    text: `
A/HRC/55/12

United Nations

General Assembly

Distr.: General
12 January 2024
Original: English

Human Rights Council
Fifty-fifth session
26 February–5 April 2024
Agenda items 2 and 3
Annual report of the United Nations High Commissioner
for Human Rights and reports of the Office of the
High Commissioner and the Secretary-General

Situation of human rights in the
Democratic Republic of the Congo
Report of the United Nations High Commissioner for Human Rights
Summary
The present report covers the situation of human rights in the country over the period.`,
    expected: {
      title: 'Situation of human rights in the Democratic Republic of the Congo',
      agendaItem:
        'Agenda items 2 and 3 Annual report of the United Nations High Commissioner for Human Rights and reports of the Office of the High Commissioner and the Secretary-General',
      distribution: 'General',
      subsidiaryBody: 'Human Rights Council',
      parentBody: 'General Assembly'
    }
  },
  {
    name: 'reads "Distr." and "LIMITED" over two lines, and a draft resolution set right below the agenda title',
    text: `
UNITED
NATIONS

Economic and Social Council

Distr.
LIMITED
E/CN.6/2024/L.3
15 March 2024
ORIGINAL: ENGLISH

Commission on the Status of Women
Sixty-eighth session
New York, 11–22 March 2024
Agenda item 3 (a)
Follow-up to the Fourth World Conference on Women
Draft resolution submitted by the Chair of the Commission,
Jane Doe (Ruritania), on the basis of informal consultations
The Commission on the Status of Women recommends to the Economic and
Social Council the adoption of the following draft resolution:`,
    expected: {
      title:
        'Draft resolution submitted by the Chair of the Commission, Jane Doe (Ruritania), on the basis of informal consultations',
      distribution: 'Limited',
      symbol: 'E/CN.6/2024/L.3',
      parentBody: 'Economic and Social Council',
      agendaItem: 'Agenda item 3 (a) Follow-up to the Fourth World Conference on Women'
    }
  },
  {
    name: 'tells the title from the agenda item by its indentation in a -layout copy',
    text: `
                United Nations                                                    A/79/100
                General Assembly                                  Distr.: General
                                                                  3 June 2024

                                                                  Original: English

Seventy-ninth session
Item 71 of the preliminary list*
Promotion and protection of human rights
                Situation of human rights in Myanmar
                Note by the Secretary-General

                      The Secretary-General has the honour to transmit the report.`,
    expected: {
      title: 'Situation of human rights in Myanmar',
      agendaItem: 'Item 71 of the preliminary list Promotion and protection of human rights',
      distribution: 'General'
    }
  },
  {
    name: 'joins a centred title of a -layout copy and leaves an upper-case classification tag out',
    text: `
               UNITED                                      Distr.
               NATIONS                                     GENERAL

                                                           TD/B/CN.4/99
                                                           29 March 2024

  TRADE AND DEVELOPMENT BOARD
  Third session
  Geneva, 6 June 2024
  Item 5 of the provisional agenda

  [SHIPPING]

                REVIEW OF THE WORK PROGRAMME OF THE STANDING COMMITTEE
                     WITH SPECIAL EMPHASIS ON ITS PREPARATIONS

                    Progress report by the secretariat`,
    expected: {
      title:
        'REVIEW OF THE WORK PROGRAMME OF THE STANDING COMMITTEE WITH SPECIAL EMPHASIS ON ITS PREPARATIONS',
      distribution: 'General'
    }
  },
  {
    name: 'reads a French masthead the same way',
    text: `
Nations Unies

Conseil économique et social

Distr. générale
4 avril 2024
Original : anglais

Commission de statistique
Cinquante-cinquième session
New York, 27 février-1er mars 2024
Point 3 a) de l'ordre du jour provisoire
Questions soumises pour examen et décision :
données et indicateurs

Rapport du Groupe de haut niveau pour le partenariat,
la coordination et le renforcement des capacités
Note du Secrétaire général`,
    expected: {
      title:
        'Rapport du Groupe de haut niveau pour le partenariat, la coordination et le renforcement des capacités',
      distribution: 'General'
    }
  }
]

describe('the masthead of a text copy of a UN document', () => {
  it.each(CASES)('$name', ({ text, expected }) => {
    expect(mastheadOf(text)).toMatchObject(expected)
  })
})
