#!/usr/bin/env node
// The `switchboard` command: a thin launcher over the compiled library (npm install builds dist/).
import { main } from '../dist/cli/main.js';
import { processIo } from '../dist/cli/io.js';

// A reader that stops early (`switchboard simulate … --json | head`) closes the pipe: stop
// quietly, as command-line tools do, instead of printing an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), processIo());
