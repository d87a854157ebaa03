import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console is built to static files (dist/) that the gateway serves on its own origin under a strict
 * Content-Security-Policy: no inline script or style and nothing from another host. So nothing is inlined as a
 * data: URL (fonts must come from 'self'), and the development server proxies the API to a running hub.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/graphql', '/hsds', '/console-config.json', '/dev'].map((path) => [path, { target: 'http://127.0.0.1:4000', changeOrigin: false }]),
    ),
  },
});
