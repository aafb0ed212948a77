import type { ProblemList } from './problem-list.js';
import type { CallerGroupSpec } from './scenario-types.js';

/** The implicit group of callers not in any named group. */
export const OTHER_CALLERS = 'others';

/**
 * Read `callerGroups:` (schema-valid): each group's share of callers, and how its callers differ
 * from the scenario's — the chance they cannot use the menu (`cannotUseMenu`, instead of
 * `ivr.cannotUse`), and factors on their patience and handling time. Shares must sum to at most
 * 1; the rest are `others`, with no difference. No section: no groups (and no random draw).
 */
export function parseCallerGroups(raw: unknown, p: ProblemList): CallerGroupSpec[] {
  if (raw === undefined) return [];
  const groups: CallerGroupSpec[] = [];
  let total = 0;
  for (const [name, value] of Object.entries(raw as Record<string, Record<string, unknown>>)) {
    if (name === OTHER_CALLERS) {
      p.add(`callerGroups.${name}`, `a group name other than "${OTHER_CALLERS}" (the rest)`, name);
      continue;
    }
    const share = value.share as number;
    total += share;
    groups.push({
      name,
      share,
      cannotUseMenu: value.cannotUseMenu as number | undefined,
      patienceFactor: (value.patienceFactor as number | undefined) ?? 1,
      handleTimeFactor: (value.handleTimeFactor as number | undefined) ?? 1,
    });
  }
  if (total > 1 + 1e-9)
    p.add('callerGroups', 'shares of callers summing to at most 1', `shares summing to ${total}`);
  else if (total < 1 - 1e-9)
    groups.push({
      name: OTHER_CALLERS,
      share: 1 - total,
      cannotUseMenu: undefined,
      patienceFactor: 1,
      handleTimeFactor: 1,
    });
  return groups;
}
