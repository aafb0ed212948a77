import { showControlCharacters, withStringsShown } from '../io/control-characters.js';
import type { CliIo } from './io.js';

/**
 * `io` with everything written to its streams made safe for a terminal: every control character
 * a terminal would act on (an escape sequence that recolours, moves the cursor, retitles the
 * window or rewrites what was printed) is shown as a visible `\u001b`-style escape
 * ({@link showControlCharacters}; the same text is a valid escape inside a JSON string, so
 * `--json` output stays JSON). Names from records and scenarios reach the terminal only through
 * this.
 *
 * Tabs and line feeds are kept: what passes here is whole outputs, tables and messages whose
 * lines the tool writes itself. A line feed or tab inside a NAME is shown before the name is
 * put into such a text: by {@link terminalText} for a command's text output, by
 * `formatProblem` for error messages, by `shownName` for a one-line notice.
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

/**
 * The text `format` makes of `result`, every name in it shown on one line: `format` is given a
 * copy of `result` whose strings went through `shownName` (line feeds, tabs and every other
 * control character as `\u000a`-style escapes), so a queue named `"q\nserviceLevel 99.9 %"`
 * cannot print a line of its own, however the formatter puts the name in. Every command's text
 * summary (simulate, compare, sweep, roster, audit, forecast's backtest) is made this way.
 */
export function terminalText<T>(format: (result: T) => string, result: T): string {
  return format(withStringsShown(result));
}
