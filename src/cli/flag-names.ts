/**
 * The two spellings of a command-line option: the flag as typed, in kebab-case
 * (`--queue-log`), and the key yargs also files its value under, in camelCase (`queueLog`).
 * The one place that turns one into the other.
 */

/** The camelCase key of a kebab-case flag name: `queue-log` → `queueLog`. */
export function optionKey(flag: string): string {
  return flag.replace(/-+([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
}

/** The kebab-case flag name of a camelCase key: `queueLog` → `queue-log`. */
export function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
