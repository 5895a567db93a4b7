// Vite build for the browser game: relative base so the build works from any static host.
// Phaser is split out by the dynamic `import('phaser')` in src/ui/lazy-map.ts, not by manualChunks.
import { defineConfig } from 'vite';
import { bundledScenarios } from './scripts/scenarios-plugin.js';
import { serviceWorker } from './scripts/sw-plugin.js';

export default defineConfig({
  base: './',
  // virtual:mandate/scenarios: scenarios/*.yaml checked and compiled to data at build time (no yaml or zod before the title);
  // sw.js: precaches the build so the game runs offline after the first visit (registered in src/ui/main.ts)
  plugins: [bundledScenarios(), serviceWorker()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
