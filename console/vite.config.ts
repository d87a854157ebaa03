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
    // graphiql.html: GraphiQL for developers, which the gateway serves outside production only. Its bundle (about
    // 760 kB, loaded by developers only) is over Vite's default 500 kB warning; the console's own stays far below.
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      input: { main: 'index.html', graphiql: 'graphiql.html' },
      onwarn(warning, warn) {
        // GraphiQL's react-compiler-runtime opens with "use no memo", which only React's compiler reads.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.id?.includes('react-compiler-runtime')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/graphql', '/hsds', '/console-config.json', '/dev'].map((path) => [path, { target: 'http://127.0.0.1:4000', changeOrigin: false }]),
    ),
  },
});
