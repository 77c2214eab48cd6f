import { resolve } from 'node:path'
import { reportFilesIn } from '../../src/main/launch-files'

describe('reportFilesIn', () => {
  it('takes .rapporteur paths, resolved against the launch folder, and nothing else', () => {
    expect(
      reportFilesIn(
        ['.', '--inspect', 'notes.txt', 'a.rapporteur', '/abs/B.RAPPORTEUR', '--x=y.rapporteur'],
        '/home/officer'
      )
    ).toEqual([resolve('/home/officer', 'a.rapporteur'), resolve('/abs/B.RAPPORTEUR')])
  })
})
