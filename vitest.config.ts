import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@core': resolve(__dirname, 'src/core'),
      '@renderer': resolve(__dirname, 'src/renderer/src')
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
