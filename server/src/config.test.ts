import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({ port: 3000, host: undefined, dataDir: resolve('./data'), adminPassword: undefined });
  });

  it('reads PORT, HOST, DATA_DIR and ANOR_ADMIN_PASSWORD', () => {
    expect(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp/x', ANOR_ADMIN_PASSWORD: 'long-enough' })).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      adminPassword: 'long-enough',
    });
    expect(loadConfig({ ANOR_ADMIN_PASSWORD: '' }).adminPassword).toBeUndefined();
  });

  it('refuses a bad port or a short admin password', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ ANOR_ADMIN_PASSWORD: 'short' })).toThrow(ConfigError);
  });
});
