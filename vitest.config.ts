import { defineConfig } from 'vitest/config';
import { bundledScenarios } from './scripts/scenarios-plugin.js';

// Unit and property tests run in Node; browser tests (tests/e2e) drive Debian's Chromium themselves.
// Under CI a JSON report is written too, from which .ci/run prints its one-line summary.
export default defineConfig({
  // the browser game's modules import the bundled scenarios from this plugin's virtual modules
  plugins: [bundledScenarios()],
  test: {
    include: ['tests/**/*.test.ts'],
    // stops a run that includes the browser tests with one line when no Chrome or Chromium is found
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: process.env['CI'] ? ['default', 'json'] : ['default'],
    outputFile: { json: 'tests/output/vitest.json' },
  },
});
