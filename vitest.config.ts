// The suite runs in-process (the CLI through main(argv, io)); a few end-to-end tests spawn bin/report.js.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Two workers even on a two-core machine (vitest's default leaves one core idle): the tests are
    // CPU-bound in-process work, with short waits on child processes and file watchers.
    maxWorkers: 2,
    // Test files share the loaded sources within a worker instead of loading them again for each
    // file: the tests restore what they change (signal handlers, process.env) and src keeps no
    // state between runs.
    isolate: false,
    // A guard against a hang, not a measure of speed: a loaded machine can take long.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
