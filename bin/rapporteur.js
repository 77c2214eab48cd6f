#!/usr/bin/env node
'use strict'
// The CLI is built with the app (`npm run build`, run by `npm install` through `prepare`).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write(
    'rapporteur: the command-line tool is not built yet; run `npm run build` first.\n'
  )
  process.exit(1)
}
require(cli)
