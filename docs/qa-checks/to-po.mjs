// Builds a bilingual PO: msgid = source paragraph, msgstr = target paragraph (blank-line blocks).
import { readFileSync, writeFileSync } from 'node:fs';
const [src, tgt, lang, out] = process.argv.slice(2);
const paras = (f) =>
  readFileSync(f, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim());
const q = (s) => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
const s = paras(src),
  t = paras(tgt);
let po = `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ${lang}\\n"\n\n`;
s.forEach((p, i) => {
  po += `#: paragraph:${i + 1}\nmsgctxt ${q(String(i + 1))}\nmsgid ${q(p)}\nmsgstr ${q(t[i] ?? '')}\n\n`;
});
writeFileSync(out, po);
