import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Runs in every test worker: any TCP connection to a non-loopback host fails (nothing reaches the internet).
    setupFiles: ['tests/setup/loopback-only.ts'],
    // A PostgreSQL server for the store contract and replica tests (TEST_DATABASE_URL, or a throwaway cluster).
    globalSetup: ['tests/setup/postgres.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
