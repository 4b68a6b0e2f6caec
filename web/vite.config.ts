/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (python -m server run) listens on 127.0.0.1:8000 in development.
const API = process.env.MATCHUP_API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      // changeOrigin stays false: Strawberry rejects cross-origin WebSocket handshakes (stack-notes P6),
      // and with false the browser's Origin matches the forwarded Host.
      '/graphql': { target: API, ws: true, changeOrigin: false },
      '/integrations': { target: API, changeOrigin: false },
      // CSV downloads, authorised by the session cookie like the API.
      '/exports': { target: API, changeOrigin: false },
    },
  },
  build: {
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: app releases then re-download only the app code.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie-es)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine(?![\\/]charts)|@floating-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|react-number-format|react-transition-group|clsx|dayjs)[\\/]/ },
            { name: 'graphql', test: /node_modules[\\/](urql|@urql|graphql|graphql-ws|@0no-co|wonka)[\\/]/ },
            // Charts (recharts and what it needs) load with the first chart, not with the app. Last, so the groups
            // above keep the modules charts share with the app (react, @mantine/core).
            { name: 'charts', test: /node_modules[\\/](@mantine[\\/]charts|recharts|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|use-sync-external-store)[\\/]/ },
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
