import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './vite-bundle-budget.ts';

const webDir = fileURLToPath(new URL('.', import.meta.url));

// Phones on slow networks: the JavaScript needed for the first render must stay under 150 kB gzip.
const initialJsBudgetBytes = 150_000;

export default defineConfig({
  root: webDir,
  plugins: [react(), bundleBudget({ limitBytes: initialJsBudgetBytes })],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 8080}` },
  },
});
