import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and CLI tests spawn work; keep the default pool but fail on forgotten .only.
    allowOnly: false,
    // A busy machine (CI, or the suite run twice at once) is slow, not broken: no test leans on
    // vitest's 5 s default. A test that must bound its time says so itself.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
