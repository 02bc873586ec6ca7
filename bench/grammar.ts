/** The commit grammar on long and adversarial messages: time grows with length, never faster. */
import { performance } from "node:perf_hooks";
import { parseCommitMessage } from "../src/progress/commit-grammar.js";

const program = { totalWeeks: 52, projectSlugs: new Set(["csvq", "http-server"]) };
const shapes: Record<string, (bytes: number) => string> = {
  "ordinary prose": (bytes) =>
    "parser done, closes week 5 and tidies the lexer. ".repeat(Math.ceil(bytes / 50)),
  '"closes " repeated': (bytes) => "closes ".repeat(Math.ceil(bytes / 7)),
  '"week " repeated': (bytes) => "week ".repeat(Math.ceil(bytes / 5)),
  "one long word": (bytes) => `${"w".repeat(bytes)}5 done`,
  "trailer lines": (bytes) => "Time: 1h30m\nWeek: 5\n".repeat(Math.ceil(bytes / 20)),
};

console.log("\ncommit grammar (median of 5 runs)");
console.log(
  `  ${"message".padEnd(22)} ${"10 KB".padStart(10)} ${"100 KB".padStart(10)} ${"1 MB".padStart(10)}`,
);
for (const [name, make] of Object.entries(shapes)) {
  const cells = [10_000, 100_000, 1_000_000].map((bytes) => {
    const message = make(bytes);
    const samples: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      parseCommitMessage(message, program);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return `${(samples[2] ?? 0).toFixed(2)} ms`.padStart(10);
  });
  console.log(`  ${name.padEnd(22)} ${cells.join(" ")}`);
}
