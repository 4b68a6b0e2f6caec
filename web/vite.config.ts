/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompileMessages } from './vite-precompile-messages.ts';
import { precompress } from './vite-precompress.ts';
import { scrollAreaMergeRefs } from './vite-scrollarea-refs.ts';
import { splitDocuments } from './vite-split-documents.ts';
import { preloadOnlyMissing } from './vite-preload-deps.ts';

const preload = preloadOnlyMissing();

// The API server (python -m server run) listens on 127.0.0.1:8000 in development.
const API = process.env.MATCHUP_API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  // splitDocuments: each GraphQL document travels with the screens that use it, not all with the first page.
  // precompress: .br and .gz next to every built asset (served by server/web_assets.py).
  // scrollAreaMergeRefs: tables and scroll areas no longer pull in all of floating-ui.
  // precompileMessages: catalogues ship as ICU syntax trees; the ICU parser stays out of the browser.
  // preload: a lazy import preloads only the chunks its importer has not already loaded (vite-preload-deps.ts).
  plugins: [react(), splitDocuments(), scrollAreaMergeRefs(), precompileMessages(), precompress(), preload.plugin],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      // changeOrigin stays false: Strawberry rejects cross-origin WebSocket handshakes,
      // and with false the browser's Origin matches the forwarded Host.
      '/graphql': { target: API, ws: true, changeOrigin: false },
      '/integrations': { target: API, changeOrigin: false },
      // CSV downloads, authorised by the session cookie like the API.
      '/exports': { target: API, changeOrigin: false },
    },
  },
  build: {
    // No source maps in the build (the dev server has its own); the server never serves .map outside dev.
    sourcemap: false,
    // dist/.vite/manifest.json: each entry's and lazy route's chunks and imports (bench/web_bundle.py).
    manifest: true,
    modulePreload: { resolveDependencies: preload.resolveDependencies },
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: app releases then re-download only the app code.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie-es)[\\/]/ },
            { name: 'graphql', test: /node_modules[\\/](urql|@urql|graphql|graphql-ws|@0no-co|wonka)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
