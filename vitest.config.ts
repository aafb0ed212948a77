import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // One fast-check seed for every property test (override with FC_SEED).
    setupFiles: ['test/fast-check-seed.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The JSON report feeds the closing `N passed, N failed` line of .ci/run.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
  },
});
