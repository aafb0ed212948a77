/**
 * Labels that tell scenarios apart when they are shown side by side (compare's "Base:" and
 * "Variant:" lines, its page title): each scenario's `name`, followed by its file in
 * parentheses when another scenario of the list has the same name — `Calibrated from records
 * (scenario.yaml)` and `Calibrated from records (six.yaml)`. The file is its last path segment,
 * or as many trailing segments as it takes to tell the files apart (`a/s.yaml`, `b/s.yaml`);
 * a scenario without a file keeps its name, and the same file given twice shows its last segment. Cost: O(n² × path segments), n a handful.
 *
 * @example distinctLabels([{ name: 'A', file: '/x/a.yaml' }, { name: 'A', file: '/x/b.yaml' }])
 *   // ['A (a.yaml)', 'A (b.yaml)']
 */
export function distinctLabels(
  scenarios: readonly { name: string; file?: string | undefined }[],
): string[] {
  const count = new Map<string, number>();
  for (const { name } of scenarios) count.set(name, (count.get(name) ?? 0) + 1);
  const clashing = scenarios.filter((s) => count.get(s.name)! > 1 && s.file !== undefined);
  const segments = clashing.map((s) => s.file!.split(/[\\/]/));
  const longest = Math.max(1, ...segments.map((parts) => parts.length));
  let kept = 1;
  const tail = (parts: string[]) => parts.slice(-kept).join('/');
  // The same file twice cannot be told apart by its path: its last segment then.
  if (new Set(clashing.map((s) => s.file)).size === clashing.length)
    while (kept < longest && new Set(segments.map(tail)).size < segments.length) kept++;
  return scenarios.map((s) => {
    const i = clashing.indexOf(s);
    return i < 0 ? s.name : `${s.name} (${tail(segments[i]!)})`;
  });
}
