import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    // Generates src/gql when it is missing, so a fresh clone can run the tests directly.
    globalSetup: ['./src/test/generate-once.ts'],
    setupFiles: ['./src/test/setup.ts'],
    // Typing with user-event is slow on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
