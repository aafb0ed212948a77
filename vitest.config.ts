import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // One fast-check seed for every property test (override with FC_SEED).
    setupFiles: ['test/fast-check-seed.ts'],
    // Each test file runs in a process of its own: the hang guards measuring CPU time
    // (test/cpu-time.ts) count that file's work only.
    pool: 'forks',
    // The one hang guard of every test and hook (none sets its own): far above the slowest
    // (~12 s alone on an idle machine; CI shares 2 cores with other work, and a test has run
    // 30× slower there). Speed targets belong in benchmarks/, not here.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // The JSON report feeds the closing `N passed, N failed` line of .ci/run.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
  },
});
