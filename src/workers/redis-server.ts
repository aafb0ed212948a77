import { Redis, type RedisOptions } from 'ioredis';
import { inputError } from '../errors.js';

/**
 * A Redis server named by a `--redis` URL: `redis://[[user]:password@]host[:port][/db]`, or
 * `rediss://…` for TLS. The URL is checked, and the server reached and asked PING, before any
 * work starts, so a wrong one gives one clear line (exit 2) instead of a hang.
 */
export interface RedisServer {
  /** The URL as given (it may hold a password: show {@link RedisServer.shown} instead). */
  url: string;
  /** The URL with its password replaced by `***`, for messages. */
  shown: string;
  /** Options of every connection to it (a fresh client per use: BullMQ blocks on some). */
  options: RedisOptions;
}

/** The URL with any password replaced by `***`. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

/** Read a `--redis` URL; throws an InputError naming `flag` for anything else. */
export function parseRedisUrl(url: unknown, flag = '--redis'): RedisServer {
  const expected = 'a redis:// or rediss:// URL such as redis://127.0.0.1:6379';
  if (typeof url !== 'string' || url === '') throw inputError(flag, expected, url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw inputError(flag, expected, redactRedisUrl(url), { raw: true });
  }
  const shown = redactRedisUrl(url);
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw inputError(flag, expected, shown);
  if (parsed.hostname === '') throw inputError(flag, `${expected} (with a host)`, shown);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^(?:[0-9]|1[0-5])$/.test(db))
    throw inputError(flag, `${expected}, with a database number 0–15 after the /`, shown);
  const options: RedisOptions = {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    db: db === '' ? 0 : Number(db),
    // BullMQ's blocking connections need it; a lost server shows as a timeout, not an error.
    maxRetriesPerRequest: null,
    connectTimeout: 5000,
  };
  if (parsed.username !== '') options.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '') options.password = decodeURIComponent(parsed.password);
  if (parsed.protocol === 'rediss:') options.tls = { servername: options.host! };
  return { url, shown, options };
}

/**
 * Connect once and ask PING: resolves when the server answers; throws an InputError naming
 * `flag` (unreachable, refused password, not a Redis) otherwise. A password given to a server
 * that asks for none is dropped from `server.options` (the connections that follow send none)
 * and the returned note says so, once: ioredis would otherwise print a `[WARN]` line of its
 * own on every connection. Cost: one round trip (two with a password), at most 5 s.
 */
export async function checkRedisServer(
  server: RedisServer,
  flag = '--redis',
): Promise<string | undefined> {
  const { username, password, ...anonymous } = server.options;
  // Connected without credentials (and without SELECT, which would need them), AUTH is sent
  // here, so that the server's answer to it comes back to this code and not to ioredis.
  const client = new Redis({
    ...anonymous,
    db: 0,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The first error says why (ECONNREFUSED, ENOTFOUND); connect() then only says "closed".
  let first: Error | undefined;
  client.on('error', (error: Error) => {
    first ??= error;
  });
  let note: string | undefined;
  try {
    await client.connect();
    if (password !== undefined) {
      try {
        await (username === undefined
          ? client.call('AUTH', password)
          : client.call('AUTH', username, password));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Redis 6+ ("…called without any password configured…") and older ("…no password is set").
        if (!/without any password configured|no password is set/i.test(message)) throw error;
        delete server.options.username;
        delete server.options.password;
        note = `note: ${server.shown} asks for no password; the one in ${flag} is not sent`;
      }
    }
    await client.ping();
  } catch (error) {
    const cause = first ?? error;
    const message = cause instanceof Error ? cause.message : String(cause);
    if (/WRONGPASS|NOAUTH|invalid password|AUTH/i.test(message))
      throw inputError(
        flag,
        'a user and password this Redis server accepts',
        `${server.shown} (the server said: ${message})`,
        { raw: true },
      );
    throw inputError(flag, 'a reachable Redis server', `${server.shown} (${message})`, {
      raw: true,
    });
  } finally {
    client.disconnect();
  }
  return note;
}
