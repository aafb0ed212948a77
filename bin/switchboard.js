#!/usr/bin/env node
import { processIo } from '../dist/cli/io.js';
// The `switchboard` command: a thin launcher over the compiled library (npm install builds dist/).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2), processIo());
