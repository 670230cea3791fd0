// Lists pofilter's findings per paragraph from its output PO.
import { readFileSync } from 'node:fs';
for (const f of process.argv.slice(2)) {
  const units = readFileSync(f, 'utf8').split(/\n\n+/);
  const rows = [];
  for (const u of units) {
    const ctx = /msgctxt "(\d+)"/.exec(u)?.[1];
    if (!ctx) continue;
    for (const m of u.matchAll(/# \(pofilter\) (\w+): ([^\n]*)/g)) rows.push(`¶${ctx} ${m[1]}: ${m[2]}`);
  }
  console.log(`== ${f}: ${rows.length}\n${rows.join('\n')}`);
}
