import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// The `@webstir-io/source` condition points package self-imports at the TypeScript sources.
const conditions = ['@webstir-io/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@webstir-io/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
