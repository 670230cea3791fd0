import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { answers, checkDatabase, hasCjkFont, onPath, plan, preflight, testDatabaseAddress } from './preflight.mjs';

describe('preflight: what npm test does about missing system packages', () => {
  it('does nothing when nothing is missing', () => {
    expect(plan({ missing: [], isRoot: false, hasAptGet: false })).toEqual({ kind: 'ready' });
  });

  it('installs with apt-get when running as root where apt-get exists', () => {
    expect(plan({ missing: ['chromium', 'translate-toolkit'], isRoot: true, hasAptGet: true })).toEqual({
      kind: 'install',
      packages: ['chromium', 'translate-toolkit'],
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'translate-toolkit'],
      ],
    });
  });

  it('otherwise stops with one message naming the exact command', () => {
    const notRoot = plan({ missing: ['chromium', 'fonts-noto-cjk'], isRoot: false, hasAptGet: true });
    expect(notRoot).toEqual({
      kind: 'stop',
      message:
        'npm test needs system packages that are missing: chromium, fonts-noto-cjk. Install them with:\n  sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk',
    });
    const noApt = plan({ missing: ['translate-toolkit'], isRoot: true, hasAptGet: false });
    expect(noApt.kind === 'stop' && noApt.message).toContain(
      'apt-get install -y --no-install-recommends translate-toolkit (Debian or Ubuntu;',
    );
  });

  it('runs the plan: stops at once, or installs and checks again', () => {
    const logs: string[] = [];
    const ran: string[][] = [];
    let installed = false;
    const requirements = [{ pkg: 'chromium', why: 'browsers', present: () => installed }];
    const exec = (argv: string[]): number => {
      ran.push(argv);
      if (argv[1] === 'install') installed = true;
      return 0;
    };
    expect(preflight({ requirements, isRoot: false, hasAptGet: true, log: (s) => logs.push(s), exec })).toBe(1);
    expect(ran).toEqual([]);
    expect(logs).toEqual([expect.stringContaining('sudo apt-get install -y --no-install-recommends chromium')]);
    expect(preflight({ requirements, isRoot: true, hasAptGet: true, log: (s) => logs.push(s), exec })).toBe(0);
    expect(ran.map((a) => a.slice(0, 2))).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install'],
    ]);
    // apt-get "succeeds" but the package still is not there: stop rather than run tests that will fail.
    installed = false;
    const stubborn = (argv: string[]): number => (ran.push(argv), 0);
    expect(preflight({ requirements, isRoot: true, hasAptGet: true, log: (s) => logs.push(s), exec: stubborn })).toBe(1);
    expect(logs.at(-1)).toContain('still missing after apt-get: chromium');
  });

  it('finds commands on PATH and CJK fonts on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'anor-preflight-'));
    try {
      await writeFile(join(dir, 'xliff2po'), '#!/bin/sh\n', { mode: 0o755 });
      await writeFile(join(dir, 'chromium'), 'not executable', { mode: 0o644 });
      expect(onPath('xliff2po', dir)).toBe(true);
      expect(onPath('chromium', dir)).toBe(false);
      expect(onPath('xliff2po', '')).toBe(false);
      await mkdir(join(dir, 'fonts', 'opentype', 'noto'), { recursive: true });
      expect(hasCjkFont(join(dir, 'fonts'))).toBe(false);
      await writeFile(join(dir, 'fonts', 'opentype', 'noto', 'NotoSansCJK-Regular.ttc'), '');
      expect(hasCjkFont(join(dir, 'fonts'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('preflight: the PostgreSQL the store suites use', () => {
  it('reads the address from ANOR_TEST_DATABASE_URL, 127.0.0.1:5432 by default', () => {
    expect(testDatabaseAddress({})).toEqual({ host: '127.0.0.1', port: 5432 });
    expect(testDatabaseAddress({ ANOR_TEST_DATABASE_URL: 'postgres://u@db.example:6543/x' })).toEqual({ host: 'db.example', port: 6543 });
  });

  it('goes on when something listens there, and stops with one message naming what to start when nothing does', async () => {
    const server = createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const lines: string[] = [];
    const log = (s: string): void => void lines.push(s);
    try {
      expect(await answers('127.0.0.1', port)).toBe(true);
      expect(await checkDatabase({ env: { ANOR_TEST_DATABASE_URL: `postgres://p@127.0.0.1:${port}/t` }, log })).toBe(0);
      expect(lines).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await checkDatabase({ env: { ANOR_TEST_DATABASE_URL: `postgres://p@127.0.0.1:${port}/t` }, log })).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`PostgreSQL does not answer at 127.0.0.1:${port}`);
    expect(lines[0]).toContain('ANOR_TEST_DATABASE_URL');
  });
});
