import { LANG_TAG } from '../../../../shared/index.js';
import type { DocumentSnapshot, Lang } from '../../../../shared/index.js';
import { escapeHtml } from '../../../../shared/reading/html.js';
import { stripTags } from '../../../../shared/inline/index.js';

/**
 * One self-contained HTML file with the chosen languages side by side: a
 * table, one row per paragraph, one column per language, each cell with its
 * BCP 47 `lang` (so browsers pick the right fonts, hyphenation and line
 * breaking), inline CSS only (the file must work when mailed or opened from a
 * disk), and a CJK font stack that prefers Simplified Chinese faces so that
 * shared Han code points are drawn in their mainland forms.
 */
const CSS = `
:root { color-scheme: light; }
body { margin: 2rem; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1b1b1b; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #d0d0d0; padding: .5rem .75rem; vertical-align: top; text-align: start; white-space: pre-wrap; overflow-wrap: anywhere; }
th { background: #f3f3f3; font-weight: 600; }
td.empty { background: #fafafa; }
:lang(zh) { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif; line-break: strict; }
@media print { body { margin: 0; } th { background: none; } }
`;

const NAMES: Record<Lang, string> = { en: 'English', zh: '中文（简体）', ru: 'Русский', kk: 'Қазақша', uz: 'Oʻzbekcha' };

// One HTML escaper for every export: the reading view's standalone file (shared/reading/html.ts) uses it too.
export { escapeHtml };

export function exportHtml(doc: DocumentSnapshot, langs: readonly Lang[]): string {
  const head = langs.map((l) => `<th scope="col" lang="${LANG_TAG[l]}">${escapeHtml(NAMES[l])}</th>`).join('');
  const rows = doc.paragraphs.map((p) => {
    const cells = langs.map((l) => {
      const text = stripTags(p.cells[l]?.text ?? '');
      // Line breaks as <br>: shown by any reader, and read back as line breaks by the HTML importer.
      return text === ''
        ? `<td class="empty" lang="${LANG_TAG[l]}"></td>`
        : `<td lang="${LANG_TAG[l]}">${escapeHtml(text).replace(/\n/gu, '<br>')}</td>`;
    });
    return `<tr id="${escapeHtml(p.id)}">${cells.join('')}</tr>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${LANG_TAG[doc.sourceLang]}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    '<table>',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * One language as Markdown: the title as a heading, then each paragraph as a
 * block separated by a blank line (what the text importer splits on). Empty
 * cells are left out rather than written as blank blocks, which Markdown
 * cannot represent; re-importing aligns the paragraphs again anyway.
 * Lines that Markdown would read as markup (#, -, 1.) are escaped.
 */
export function exportMarkdown(doc: DocumentSnapshot, lang: Lang): string {
  const blocks = doc.paragraphs
    .map((p) => stripTags(p.cells[lang]?.text ?? ''))
    .filter((t) => t.trim() !== '')
    .map((t) =>
      t
        .split('\n')
        .map((line) => line.replace(/^(\s*)([#>+*-])(?=\s)/u, '$1\\$2').replace(/^(\s*\d+)([.)])(?=\s)/u, '$1\\$2'))
        .join('\n'),
    );
  return `# ${doc.title}\n\n${blocks.join('\n\n')}\n`;
}
