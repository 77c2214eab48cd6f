import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const alias = {
  '@core': resolve(__dirname, 'src/core'),
  '@shared': resolve(__dirname, 'src/shared')
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
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
