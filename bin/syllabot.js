#!/usr/bin/env node
import { dropOutputOnBrokenPipe, main } from "../lib/cli.js";

dropOutputOnBrokenPipe();
process.exitCode = await main(process.argv.slice(2));
