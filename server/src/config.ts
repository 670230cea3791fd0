import { resolve } from 'node:path';
import { DEFAULT_MAX_IMPORT_BYTES } from './limits.js';
import { normalizeOrigin } from './http/origin.js';
import { parseTrustProxy } from './http/proxy.js';
import type { TrustProxySetting } from './http/proxy.js';

export interface Config {
  port: number;
  /** Interface to bind; undefined lets Node listen on all interfaces. */
  host: string | undefined;
  dataDir: string;
  /** Password for the `admin` user created on first start; generated when unset. */
  adminPassword: string | undefined;
  /** Largest file any import accepts (upload routes and the CLI). */
  maxImportBytes: number;
  /** Origins besides the server's own that may change state and open sockets (ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** PostgreSQL for what several nodes share (DATABASE_URL or `--database`); undefined keeps everything in `dataDir`. */
  databaseUrl: string | undefined;
  /** Signs session cookies (SESSION_SECRET); undefined means the secret generated once in `dataDir`. */
  sessionSecret: string | undefined;
  /** Which proxies' X-Forwarded-* headers to believe (TRUST_PROXY). */
  trustProxy: TrustProxySetting;
}

/** Shorter than this, a signing secret can be guessed; the generated one is 64 characters. */
export const MIN_SESSION_SECRET_LENGTH = 32;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const rawPort = env.PORT ?? '3000';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0–65535, got "${rawPort}"`);
  const adminPassword = env.ANOR_ADMIN_PASSWORD === '' ? undefined : env.ANOR_ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ANOR_ADMIN_PASSWORD must be at least 8 characters');
  }
  return {
    port,
    host: env.HOST && env.HOST.trim() !== '' ? env.HOST : undefined,
    dataDir: dataDirFrom(env.DATA_DIR, 'DATA_DIR'),
    adminPassword,
    maxImportBytes: maxImportBytes(env),
    allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS ?? ''),
    ...clusterConfig(env),
  };
}

/**
 * What several nodes behind a load balancer need. In production
 * (NODE_ENV=production) with a database, SESSION_SECRET is required: each
 * node would otherwise sign cookies with its own generated secret, and a user
 * sent to another node would be signed out.
 */
function clusterConfig(env: NodeJS.ProcessEnv): Pick<Config, 'databaseUrl' | 'sessionSecret' | 'trustProxy'> {
  const databaseUrl = databaseUrlFrom(env);
  const sessionSecret = blankToUndefined(env.SESSION_SECRET);
  if (sessionSecret !== undefined && sessionSecret.length < MIN_SESSION_SECRET_LENGTH) {
    throw new ConfigError(`SESSION_SECRET must be at least ${MIN_SESSION_SECRET_LENGTH} characters (e.g. openssl rand -base64 48)`);
  }
  if (env.NODE_ENV === 'production' && databaseUrl !== undefined && sessionSecret === undefined) {
    throw new ConfigError('SESSION_SECRET is required with DATABASE_URL in production: every node must sign sessions with the same secret');
  }
  let trustProxy: TrustProxySetting;
  try {
    trustProxy = parseTrustProxy(env.TRUST_PROXY);
  } catch (err) {
    throw new ConfigError(
      `TRUST_PROXY must be true, false, a number of hops, or addresses/subnets like 10.0.0.0/8,loopback: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return { databaseUrl, sessionSecret, trustProxy };
}

/** DATABASE_URL, for `anor serve` and for the commands that open the same storage (`anor import`, `anor export`). */
export function databaseUrlFrom(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const databaseUrl = blankToUndefined(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//u.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL like postgres://user@host:5432/anor');
  }
  return databaseUrl;
}

function blankToUndefined(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/** `https://a.example, http://localhost:5173` → normalised origins; anything that is not a bare origin is an error. */
function parseOrigins(raw: string): string[] {
  const out: string[] = [];
  for (const item of raw.split(',').map((s) => s.trim())) {
    if (item === '') continue;
    const origin = bareOrigin(item);
    if (origin === undefined) {
      throw new ConfigError(`ALLOWED_ORIGINS: "${item}" is not an origin like https://example.org or http://localhost:5173`);
    }
    out.push(origin);
  }
  return out;
}

/** Scheme, host and port only: no path, query, fragment or credentials. */
function bareOrigin(item: string): string | undefined {
  try {
    const url = new URL(item);
    const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
    return bare ? normalizeOrigin(item) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The data directory named by `DATA_DIR` or `--data-dir`, `./data` when not
 * given. Given but empty (or blank) is refused: `resolve('')` is the current
 * directory, and Anor would lock it and write its journal among the user's files.
 */
export function dataDirFrom(raw: string | undefined, what: string): string {
  if (raw === undefined) return resolve('./data');
  if (raw.trim() === '') throw new ConfigError(`${what} is set but empty; name a directory (or unset it for ./data)`);
  return resolve(raw);
}

/**
 * `ANOR_MAX_IMPORT_BYTES`: a positive whole number of bytes, or with a K or M
 * suffix (KiB, MiB); unset or empty means 16 MiB. Anything else is refused,
 * not silently replaced by the default.
 */
export function maxImportBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ANOR_MAX_IMPORT_BYTES;
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_IMPORT_BYTES;
  const m = /^\s*(\d+)\s*([KkMm]?)\s*$/u.exec(raw);
  const unit = m?.[2] ? (m[2].toLowerCase() === 'k' ? 1024 : 1024 * 1024) : 1;
  const n = m ? Number(m[1]) * unit : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new ConfigError(`ANOR_MAX_IMPORT_BYTES must be a positive number of bytes (e.g. 16777216 or 16M), got "${raw}"`);
  }
  return n;
}
