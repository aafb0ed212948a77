import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagName, optionKey } from '../../src/cli/flag-names.js';

// The one flag-name converter (main.ts's unknown-flag and typed-number code, the output-is-not-
// an-input check) must agree with the parser the CLI uses: yargs files `--queue-log` under
// `queueLog` with yargs-parser's own camelCase, and its decamelize goes back.
const { camelCase, decamelize } = createRequire(import.meta.url)('yargs-parser') as {
  camelCase: (s: string) => string;
  decamelize: (s: string, joiner?: string) => string;
};

const cli = new URL('../../src/cli/', import.meta.url).pathname;
/** Every option name the commands declare (`.option('queue-log', …)`), read from the source. */
function declaredFlags(): string[] {
  const files = [
    ...readdirSync(cli).filter((f) => f.endsWith('.ts')),
    ...readdirSync(join(cli, 'commands')).map((f) => `commands/${f}`),
  ];
  const names = files.flatMap((f) =>
    [...readFileSync(join(cli, f), 'utf8').matchAll(/\.option\(\s*'([^']+)'/g)].map((m) => m[1]!),
  );
  return [...new Set(names)];
}

describe('flag names', () => {
  it("match yargs-parser's camelCase and decamelize for every declared option", () => {
    const flags = declaredFlags();
    expect(flags.filter((f) => f.includes('-')).length).toBeGreaterThan(10);
    for (const flag of flags) {
      expect(optionKey(flag), flag).toBe(camelCase(flag));
      expect(flagName(optionKey(flag)), flag).toBe(decamelize(camelCase(flag), '-'));
      expect(flagName(optionKey(flag)), flag).toBe(flag);
    }
  });
});
