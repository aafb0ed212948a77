import { didYouMean } from '../errors.js';

function sameLettersOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]!] &&
    a[diff[1]!] === b[diff[0]!]
  );
}

/**
 * The name among `candidates` a misspelt `word` most likely meant: {@link didYouMean}, or else
 * a candidate that differs by two adjacent letters swapped (`mdoe` → `mode`, `mian` → `main`),
 * the commonest typing slip, which plain Levenshtein distance counts as two edits.
 */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  const close = didYouMean(word, candidates);
  if (close !== undefined) return close;
  const lower = word.toLowerCase();
  return candidates.find((c) => sameLettersOneSwap(lower, c.toLowerCase()));
}
