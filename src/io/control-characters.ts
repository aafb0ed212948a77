/**
 * Control characters a terminal (or a pager showing a file) acts on: the C0 controls but tab and
 * line feed, DEL, the C1 controls (U+0080–U+009F, of which U+009B starts a control sequence on
 * many terminals as ESC [ does), and the bidirectional overrides and isolates that reorder what
 * is shown (U+202A–U+202E, U+2066–U+2069); and the line and paragraph separators U+2028 and
 * U+2029, which end a string literal in JavaScript and in Vega's expressions (a reason named with
 * one broke the forecast page's chart). One home for the set: the terminal, every file the tool
 * writes, the YAML writer and the charts use it.
 */
export const CONTROL_CHARACTERS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** True when `text` holds a character of {@link CONTROL_CHARACTERS}. */
export function hasControlCharacter(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  const found = CONTROL_CHARACTERS.test(text);
  CONTROL_CHARACTERS.lastIndex = 0;
  return found;
}

/**
 * `text` with every character of {@link CONTROL_CHARACTERS} shown as a visible `\u001b`-style
 * escape. The same six characters are a valid escape inside a JSON string, a JavaScript string
 * and a YAML double-quoted scalar, so JSON stays JSON (and reads back exactly); in CSV, HTML and
 * queue_log text they are plain visible text. Tabs and line feeds are kept. Cost: one
 * regular-expression pass.
 */
export function showControlCharacters(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
