/**
 * A number written in decimal (`12`, `-0.5`, `.5`, `1e3`, blanks around allowed), else NaN:
 * `Number` also reads `0x10` as 16, `0b11` as 3 and an empty text as 0, none of which a user
 * means as a count, a load or a duration.
 */
export function decimalNumber(text: string): number {
  return /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : Number.NaN;
}
