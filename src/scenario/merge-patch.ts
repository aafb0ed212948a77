/**
 * Apply a JSON Merge Patch (RFC 7396) to a document and return the patched copy: objects merge
 * key by key, `null` deletes a key, anything else (lists included) replaces. Used by scenario
 * `variants:`, which patch the base scenario. Cost: linear in the patch's size.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
