'use strict'
/**
 * electron-builder's afterPack hook: flips the Electron fuses of the packaged
 * executable, before signing, so that the installed app cannot be turned into
 * a general-purpose Node runtime or made to load code from outside its archive.
 */
const { join } = require('node:path')
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses')

/** The fuses for one platform (`darwin`, `win32`, `linux`) and architecture name. */
function fuseConfig(platform, arch) {
  return {
    version: FuseVersion.V1,
    // `ELECTRON_RUN_AS_NODE` would make the signed app a plain Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // EnableEmbeddedAsarIntegrityValidation stays as shipped (off): it needs the archive's hash
    // embedded in the signed executable, which electron-builder ties to its own `electronFuses`
    // option, and an app with the fuse on but no hash does not start. Revisit with code signing.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The page is served from its own app:// scheme, so file:// needs no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // Flipping fuses breaks the ad-hoc signature an unsigned Apple-silicon build runs with.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64'
  }
}

/** The packaged executable (or .app bundle) electron-builder just wrote. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`)
  return join(appOutDir, packager.executableName)
}

/** The hook electron-builder calls (`afterPack` in electron-builder.yml). */
async function afterPack(context) {
  const archNames = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }
  const arch = archNames[context.arch] ?? String(context.arch)
  await flipFuses(executablePath(context), fuseConfig(context.electronPlatformName, arch))
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.fuseConfig = fuseConfig
module.exports.executablePath = executablePath
