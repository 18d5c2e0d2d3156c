import { defineConfig } from "vitest/config";
import SlowestFirstSequencer from "./tests/support/sequencer";

export default defineConfig({
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    // generous: sign-in stories hash passwords at OWASP's cost (scrypt N=2^17), slow on two shared cores
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ["default"],
    sequence: { sequencer: SlowestFirstSequencer },
  },
});
