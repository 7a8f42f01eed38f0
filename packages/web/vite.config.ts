import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm dev` talks to a running server (default http://localhost:4000) through this proxy,
// so the browser sees one origin exactly as in production.
const api = process.env.SYNCLANE_API ?? 'http://localhost:4000';
const proxied = { target: api, changeOrigin: true };

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { ...proxied, ws: true },
      '/auth': proxied,
      '/functions': proxied,
      '/healthz': proxied,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Libraries change less often than the app: a separate chunk stays cached across deploys.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'graphql', test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|@wry|optimism|tslib)/ },
          ],
        },
      },
    },
  },
});
