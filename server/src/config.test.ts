import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: undefined,
      dataDir: resolve('./data'),
      adminPassword: undefined,
      allowedOrigins: [],
    });
  });

  it('reads PORT, HOST, DATA_DIR and ANOR_ADMIN_PASSWORD', () => {
    expect(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp/x', ANOR_ADMIN_PASSWORD: 'long-enough' })).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      adminPassword: 'long-enough',
      allowedOrigins: [],
    });
    expect(loadConfig({ ANOR_ADMIN_PASSWORD: '' }).adminPassword).toBeUndefined();
  });

  it('refuses a bad port or a short admin password', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ ANOR_ADMIN_PASSWORD: 'short' })).toThrow(ConfigError);
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
