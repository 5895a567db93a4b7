// Vite build for the browser game: relative base so the build works from any static host.
// Phaser is split out by the dynamic `import('phaser')` in src/ui/table.ts, not by manualChunks.
import { defineConfig } from 'vite';
import { serviceWorker } from './scripts/sw-plugin.js';

export default defineConfig({
  base: './',
  // sw.js: precaches the build so the game runs offline after the first visit (registered in src/ui/main.ts)
  plugins: [serviceWorker()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
