import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, dataDirFrom, loadConfig, maxImportBytes } from './config.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: undefined,
      dataDir: resolve('./data'),
      adminPassword: undefined,
      maxImportBytes: 16 * 1024 * 1024,
      allowedOrigins: [],
      databaseUrl: undefined,
      sessionSecret: undefined,
      trustProxy: false,
    });
  });

  it('reads PORT, HOST, DATA_DIR, ANOR_ADMIN_PASSWORD and ANOR_MAX_IMPORT_BYTES', () => {
    expect(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp/x', ANOR_ADMIN_PASSWORD: 'long-enough', ANOR_MAX_IMPORT_BYTES: '1000' }),
    ).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      adminPassword: 'long-enough',
      maxImportBytes: 1000,
      allowedOrigins: [],
      databaseUrl: undefined,
      sessionSecret: undefined,
      trustProxy: false,
    });
    expect(loadConfig({ ANOR_ADMIN_PASSWORD: '' }).adminPassword).toBeUndefined();
  });

  it('refuses a bad port or a short admin password', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ ANOR_ADMIN_PASSWORD: 'short' })).toThrow(ConfigError);
  });

  it('refuses an empty DATA_DIR instead of taking the current directory', () => {
    expect(() => loadConfig({ DATA_DIR: '' })).toThrow(/DATA_DIR is set but empty/u);
    expect(() => loadConfig({ DATA_DIR: '  ' })).toThrow(ConfigError);
    expect(() => dataDirFrom('', '--data-dir')).toThrow(/--data-dir is set but empty/u);
    expect(dataDirFrom(undefined, 'DATA_DIR')).toBe(resolve('./data'));
  });

  it('reads the import limit in bytes, KiB or MiB and refuses anything else', () => {
    expect(maxImportBytes({})).toBe(16 * 1024 * 1024);
    expect(maxImportBytes({ ANOR_MAX_IMPORT_BYTES: '' })).toBe(16 * 1024 * 1024);
    expect(maxImportBytes({ ANOR_MAX_IMPORT_BYTES: '512K' })).toBe(512 * 1024);
    expect(maxImportBytes({ ANOR_MAX_IMPORT_BYTES: '64m' })).toBe(64 * 1024 * 1024);
    for (const bad of ['0', '-1', '1.5M', '16 MB', 'lots']) {
      expect(() => maxImportBytes({ ANOR_MAX_IMPORT_BYTES: bad })).toThrow(ConfigError);
    }
  });

  it('reads ALLOWED_ORIGINS as a comma-separated list of origins, normalised', () => {
    expect(
      loadConfig({ ALLOWED_ORIGINS: ' https://Docs.Example.org , http://localhost:5173/,https://a.example:443' }).allowedOrigins,
    ).toEqual(['https://docs.example.org', 'http://localhost:5173', 'https://a.example']);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'docs.example.org' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOWED_ORIGINS: '*' })).toThrow(ConfigError);
  });
});

describe('configuration for several nodes', () => {
  const secret = 'x'.repeat(32);

  it('reads DATABASE_URL, SESSION_SECRET and TRUST_PROXY', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://anor@db:5432/anor', SESSION_SECRET: secret, TRUST_PROXY: '10.0.0.0/8, loopback' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://anor@db:5432/anor', sessionSecret: secret, trustProxy: ['10.0.0.0/8', 'loopback'] });
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/anor' }).databaseUrl).toBe('postgresql://h/anor');
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ DATABASE_URL: ' ', SESSION_SECRET: '', TRUST_PROXY: '' })).toMatchObject({
      databaseUrl: undefined,
      sessionSecret: undefined,
      trustProxy: false,
    });
  });

  it('refuses what cannot be right: a non-PostgreSQL URL, a short secret, a TRUST_PROXY that is no address', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://h/anor' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/u);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be at least 32/u);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY must be/u);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(ConfigError);
  });

  it('in production with a database, refuses to start without SESSION_SECRET; without a database the generated secret stays', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/anor' };
    expect(() => loadConfig(prod)).toThrow(/SESSION_SECRET is required with DATABASE_URL in production/u);
    expect(loadConfig({ ...prod, SESSION_SECRET: secret }).sessionSecret).toBe(secret);
    expect(loadConfig({ NODE_ENV: 'production' }).sessionSecret).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://db/anor' }).sessionSecret).toBeUndefined();
  });
});
