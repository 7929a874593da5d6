import { defineConfig } from 'vitest/config';

// JSX settings come from tsconfig.json (jsxImportSource: hono/jsx).
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
