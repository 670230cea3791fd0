#!/usr/bin/env node
/**
 * The `anor` command. Each subcommand is a module exporting
 * `run(argv): Promise<number>` (the exit code), loaded only when used so that
 * `anor check` does not pay for starting the web server's imports.
 */
interface Command {
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<Command>> = {
  serve: () => import('./cli/serve.js'),
  check: () => import('./cli/check.js'),
  align: () => import('./cli/align.js'),
  validate: () => import('./cli/validate.js'),
  import: () => import('./cli/import.js'),
  export: () => import('./cli/export.js'),
  migrate: () => import('./cli/migrate.js'),
};

function usage(): string {
  return `Usage: anor <command> [options]\n\nCommands:\n${Object.keys(commands)
    .sort()
    .map((c) => `  ${c}`)
    .join('\n')}\n  help`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`anor: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  },
);
