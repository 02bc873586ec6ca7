import { main } from "../../src/cli.js";

// `syllabot <argv>` as its own process, from the sources: for tests of long-running commands (syllabot emulator).
process.exitCode = await main(process.argv.slice(2));
