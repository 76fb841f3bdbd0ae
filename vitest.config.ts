import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Runs in every test worker: any TCP connection to a non-loopback host fails (nothing reaches the internet).
    setupFiles: ['tests/setup/loopback-only.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
