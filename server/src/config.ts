import { resolve } from 'node:path';
import { normalizeOrigin } from './http/origin.js';

export interface Config {
  port: number;
  /** Interface to bind; undefined lets Node listen on all interfaces. */
  host: string | undefined;
  dataDir: string;
  /** Password for the `admin` user created on first start; generated when unset. */
  adminPassword: string | undefined;
  /** Origins besides the server's own that may change state and open sockets (ALLOWED_ORIGINS). */
  allowedOrigins: string[];
}

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
    dataDir: resolve(env.DATA_DIR ?? './data'),
    adminPassword,
    allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS ?? ''),
  };
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
