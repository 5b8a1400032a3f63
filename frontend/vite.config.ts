import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The backend (Vert.x) listens on 8080 and serves the built app itself in production;
// in development Vite serves the app and forwards the API and the agent socket to it.
const backend = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the built app works wherever the backend mounts webroot/ (state lives in the hash).
  base: './',
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/ws': { target: backend, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test-setup.ts'],
  },
});
