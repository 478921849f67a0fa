import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web page: sources here, built into ../dist/web, which the API serves at /.
// Everything (Chart.js included) is bundled: the page loads nothing from elsewhere.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
