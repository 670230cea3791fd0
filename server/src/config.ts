import { resolve } from 'node:path';

export interface Config {
  port: number;
  /** Interface to bind; undefined lets Node listen on all interfaces. */
  host: string | undefined;
  dataDir: string;
  /** Password for the `admin` user created on first start; generated when unset. */
  adminPassword: string | undefined;
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
  };
}
