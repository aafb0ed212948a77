import type { CliIo } from './io.js';

// C0 controls but tab and line feed, DEL, and the C1 controls (U+0080–U+009F, of which U+009B
// starts a control sequence on many terminals as ESC [ does), plus the bidirectional overrides
// and isolates that reorder what is shown (U+202A–U+202E, U+2066–U+2069).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every control character that a terminal would act on (an escape sequence that
 * recolours, moves the cursor, retitles the window or rewrites what was printed) shown as a
 * visible `\u001b`-style escape instead (the same text is a valid escape inside a JSON string,
 * so `--json` output stays JSON). Names from records and scenarios reach the terminal
 * only through this. Tabs and line feeds are kept. Cost: one regular-expression pass.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `io` with everything written to its streams made {@link terminalSafe}. */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    stdout: (text) => io.stdout(terminalSafe(text)),
    stderr: (text) => io.stderr(terminalSafe(text)),
    get stderrIsTTY() {
      return io.stderrIsTTY;
    },
    cwd: io.cwd,
  };
}
