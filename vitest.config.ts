import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and CLI tests spawn work; keep the default pool but fail on forgotten .only.
    allowOnly: false,
  },
});
