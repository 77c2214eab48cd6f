import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@core': resolve(root, 'src/core'),
      '@shared': resolve(root, 'src/shared'),
      '@renderer': resolve(root, 'src/renderer/src')
    }
  },
  test: {
    globals: true,
    include: ['tests/**/*.test.ts'],
    // Component suites opt into a DOM with a `// @vitest-environment happy-dom` line.
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000
  }
})
