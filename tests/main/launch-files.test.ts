import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
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

  it('takes file:// URLs as a Linux file manager passes them, and no remote file URL', () => {
    const local = resolve('/home/officer/Session report (draft).rapporteur')
    expect(
      reportFilesIn(
        [pathToFileURL(local).href, 'file://server/share/remote.rapporteur', 'file:///tmp/x.txt'],
        '/'
      )
    ).toEqual([local])
  })
})
