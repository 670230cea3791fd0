#!/usr/bin/env node
// @ts-check
/**
 * The first step of `npm test`: checks the system packages the test tiers
 * need and that npm cannot install — Chromium (end-to-end tests), a CJK font
 * (Chinese in the browser), translate-toolkit (the XLIFF peer checks), pandoc
 * and LibreOffice Writer (the round trip of original files), gettext (the
 * round trip of PO files: xgettext and msgfmt). Plain
 * JavaScript with Node's built-ins only, because it runs before anything is
 * built or compiled.
 *
 * - Everything there: silent, exit 0.
 * - Something missing, running as root where apt-get exists (CI, a fresh
 *   container): installs it with apt-get, checks again, goes on.
 * - Otherwise: stops at once with one message naming the exact command.
 *
 * Schema validation needs no package any more (libxml2 in WebAssembly, npm).
 * Last, the PostgreSQL the store suites also run on must answer (checkDatabase).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import process from 'node:process';
import { pathToFileURL, URL } from 'node:url';

/** @typedef {{ pkg: string, why: string, present: () => boolean }} Requirement */
/** @typedef {{ kind: 'ready' } | { kind: 'install', packages: string[], commands: string[][] } | { kind: 'stop', message: string }} Plan */

/**
 * True when `cmd` is an executable file in one of PATH's directories.
 * @param {string} cmd
 */
export function onPath(cmd, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** True when a Noto Sans CJK font file is installed (what fonts-noto-cjk puts under /usr/share/fonts). */
export function hasCjkFont(root = '/usr/share/fonts', depth = 4) {
  /** @type {import('node:fs').Dirent[]} */
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    if (e.isFile() && /NotoSans(Mono)?CJK/i.test(e.name)) return true;
    if (e.isDirectory() && depth > 0 && hasCjkFont(join(root, e.name), depth - 1)) return true;
  }
  return false;
}

/** @type {Requirement[]} */
export const REQUIREMENTS = [
  { pkg: 'chromium', why: 'the end-to-end tests drive Chromium', present: () => onPath('chromium') },
  { pkg: 'fonts-noto-cjk', why: 'Chinese text in the browser needs a CJK font', present: () => hasCjkFont() },
  { pkg: 'translate-toolkit', why: 'the XLIFF export is checked with xliff2po, po2xliff and po2tmx', present: () => onPath('xliff2po') },
  { pkg: 'pandoc', why: 'the round trip of DOCX, HTML and Markdown files opens them with pandoc', present: () => onPath('pandoc') },
  {
    pkg: 'libreoffice-writer-nogui',
    why: 'the round trip of DOCX files opens them with LibreOffice Writer',
    present: () => onPath('soffice'),
  },
  {
    pkg: 'gettext',
    why: 'the round trip of PO files makes a template with xgettext and checks the export with msgfmt',
    present: () => onPath('xgettext') && onPath('msgfmt'),
  },
];

const APT_INSTALL = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends'];

/**
 * What to do about `missing` packages: the whole decision, without side effects.
 * @param {{ missing: string[], isRoot: boolean, hasAptGet: boolean }} facts
 * @returns {Plan}
 */
export function plan({ missing, isRoot, hasAptGet }) {
  if (missing.length === 0) return { kind: 'ready' };
  if (isRoot && hasAptGet) {
    return {
      kind: 'install',
      packages: missing,
      commands: [
        ['apt-get', 'update', '-qq'],
        [...APT_INSTALL, ...missing],
      ],
    };
  }
  const command = `${isRoot ? '' : 'sudo '}apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const where = hasAptGet ? '' : ' (Debian or Ubuntu; elsewhere install the same packages with your package manager)';
  return {
    kind: 'stop',
    message: `npm test needs system packages that are missing: ${missing.join(', ')}. Install them with:\n  ${command}${where}`,
  };
}

/** @param {Requirement[]} requirements */
function missingOf(requirements) {
  return requirements.filter((r) => !r.present()).map((r) => r.pkg);
}

/**
 * Runs the preflight; returns the exit code.
 * @param {{ requirements?: Requirement[], isRoot?: boolean, hasAptGet?: boolean, log?: (s: string) => void, exec?: (argv: string[]) => number }} [opts]
 */
export function preflight(opts = {}) {
  const requirements = opts.requirements ?? REQUIREMENTS;
  const log = opts.log ?? ((s) => process.stderr.write(`${s}\n`));
  const exec =
    opts.exec ??
    ((argv) => {
      const [cmd = '', ...args] = argv;
      const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      return r.status ?? 1;
    });
  const facts = {
    missing: missingOf(requirements),
    isRoot: opts.isRoot ?? process.getuid?.() === 0,
    hasAptGet: opts.hasAptGet ?? onPath('apt-get'),
  };
  const p = plan(facts);
  if (p.kind === 'ready') return 0;
  if (p.kind === 'stop') {
    log(`preflight: ${p.message}`);
    return 1;
  }
  log(
    `preflight: installing ${p.packages.join(' ')} (${requirements
      .filter((r) => p.packages.includes(r.pkg))
      .map((r) => r.why)
      .join('; ')})`,
  );
  for (const argv of p.commands) {
    if (exec(argv) !== 0) {
      log(`preflight: \`${argv.join(' ')}\` failed; install ${p.packages.join(' ')} and run npm test again`);
      return 1;
    }
  }
  const still = missingOf(requirements);
  if (still.length > 0) {
    log(`preflight: still missing after apt-get: ${still.join(', ')}`);
    return 1;
  }
  return 0;
}

/**
 * Where the PostgreSQL-backed suites connect (server/test/helpers/pg.ts reads the same variable).
 * @param {NodeJS.ProcessEnv} [env]
 */
export function testDatabaseAddress(env = process.env) {
  const url = new URL(env.ANOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  return { host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) };
}

/**
 * True when something accepts a TCP connection at host:port within `timeoutMs`.
 * @param {string} host
 * @param {number} port
 */
export function answers(host, port, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The store suites also run against PostgreSQL (one suite, two stores). Without one, stop at once
 * with one message rather than a failure per test. `npm start` needs no database at all.
 * @param {{ env?: NodeJS.ProcessEnv, log?: (s: string) => void }} [opts]
 */
export async function checkDatabase(opts = {}) {
  const log = opts.log ?? ((s) => process.stderr.write(`${s}\n`));
  const { host, port } = testDatabaseAddress(opts.env);
  if (await answers(host, port)) return 0;
  log(
    `preflight: PostgreSQL does not answer at ${host}:${port}; the store suites run on it too (each in its own schema, dropped after). ` +
      'Start one that trusts local connections (Debian: `apt-get install -y postgresql`, `host all all 127.0.0.1/32 trust` in pg_hba.conf, ' +
      '`pg_ctlcluster 15 main start`) or set ANOR_TEST_DATABASE_URL to one you may create schemas in.',
  );
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = preflight() || (await checkDatabase());
}
