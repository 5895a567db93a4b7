import { defineConfig } from 'vitest/config';

// Unit and property tests run in Node; browser tests (tests/e2e) drive Debian's Chromium themselves.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
