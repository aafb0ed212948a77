import { showControlCharacters } from '../io/control-characters.js';
import type { CliIo } from './io.js';

/**
 * `io` with everything written to its streams made safe for a terminal: every control character
 * a terminal would act on (an escape sequence that recolours, moves the cursor, retitles the
 * window or rewrites what was printed) is shown as a visible `\u001b`-style escape
 * ({@link showControlCharacters}; the same text is a valid escape inside a JSON string, so
 * `--json` output stays JSON). Names from records and scenarios reach the terminal only through
 * this. Tabs and line feeds are kept.
 */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    stdout: (text) => io.stdout(showControlCharacters(text)),
    stderr: (text) => io.stderr(showControlCharacters(text)),
    get stderrIsTTY() {
      return io.stderrIsTTY;
    },
    cwd: io.cwd,
  };
}
