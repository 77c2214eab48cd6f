import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const alias = {
  '@core': resolve(__dirname, 'src/core'),
  '@shared': resolve(__dirname, 'src/shared')
}

/** Every ProseMirror package a Node bundle may reach (one copy each, or `instanceof` breaks). */
const PROSEMIRROR = Object.keys(
  (
    JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
  ).dependencies
).filter((name) => name.startsWith('prosemirror-'))

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // ProseMirror is bundled from its ES modules: its CommonJS build (what `require` would load)
      // is transpiled to ES5 classes and builds a document about twenty times slower, which the
      // host, the CLI and the converter worker would pay on every load, save and export.
      externalizeDeps: { exclude: PROSEMIRROR },
      rollupOptions: {
        // The CLI shares the main bundle's Node target and externalised dependencies.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          'converter-worker': resolve(__dirname, 'src/main/converter-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload cannot require() anything but electron: bundle it whole.
      externalizeDeps: false
    }
  },
  renderer: {
    resolve: { alias: { ...alias, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [vue()],
    build: {
      rollupOptions: {
        // The product page, and the browser harness's page (its HTTP client lives only there).
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          harness: resolve(__dirname, 'src/renderer/harness.html')
        }
      }
    }
  }
})
