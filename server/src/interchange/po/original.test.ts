import { describe, expect, it } from 'vitest';
import { parsePo } from './parse.js';
import { poSkeleton, rebuildPo } from './original.js';
import type { PoCell } from './original.js';

const DATE = new Date('2026-12-01T10:20:00Z');
const approved = (text: string): PoCell => ({ text, approved: true });

function rebuild(text: string, cells: readonly (PoCell | null)[], lang: 'ru' | 'kk' | 'zh' = 'kk', bytes = Buffer.from(text)): string {
  return rebuildPo(bytes, poSkeleton(text), cells, lang, DATE).toString('utf8');
}

describe('PO original: entries and slots', () => {
  it('counts the messages as the importer does: entries without a blank line between, plural forms, no header, obsolete left out', () => {
    const text = [
      '#: a.c:1',
      'msgid "One"',
      'msgstr ""',
      '#: a.c:2',
      'msgctxt "menu"',
      'msgid "Two"',
      'msgstr "Old"',
      'msgid "%d apple"',
      'msgid_plural "%d apples"',
      'msgstr[0] ""',
      'msgstr[1] ""',
      '#~ msgid "Gone"',
      '#~ msgstr "Kept"',
      '',
    ].join('\n');
    const units = parsePo(text);
    if (!units.ok) throw new Error('unreadable');
    const slots = poSkeleton(text).slots;
    expect(slots.map((s) => s.text)).toEqual(units.value.units.map((u) => u.source));
    expect(slots.map((s) => s.mode)).toEqual([
      { kind: 'po', entry: 0, form: 0 },
      { kind: 'po', entry: 1, form: 0 },
      { kind: 'po', entry: 2, form: 0 },
      { kind: 'po', entry: 2, form: 1 },
    ]);
    const out = rebuild(text, [approved('Бір'), approved('Екі'), approved('%d алма'), approved('%d алмалар')]);
    // A header comes first when the file has none; everything else line for line.
    expect(out.split('\n\n')[0]).toContain('"Language: kk\\n"');
    expect(out.slice(out.indexOf('#: a.c:1'))).toBe(
      [
        '#: a.c:1',
        'msgid "One"',
        'msgstr "Бір"',
        '#: a.c:2',
        'msgctxt "menu"',
        'msgid "Two"',
        'msgstr "Екі"',
        'msgid "%d apple"',
        'msgid_plural "%d apples"',
        'msgstr[0] "%d алма"',
        'msgstr[1] "%d алмалар"',
        '#~ msgid "Gone"',
        '#~ msgstr "Kept"',
        '',
      ].join('\n'),
    );
  });

  it('keeps CRLF line ends and a byte-order mark, writes multi-line strings as xgettext does, and fits line feeds to the msgid', () => {
    const text = 'msgid ""\r\nmsgstr ""\r\n"Language: en\\n"\r\n\r\nmsgid ""\r\n"Line one\\n"\r\n"Line two\\n"\r\nmsgstr ""\r\n';
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const out = rebuildPo(bom, poSkeleton(text), [approved('Бір "жол"\nЕкі\tжол')], 'kk', DATE);
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = out.subarray(3).toString('utf8');
    expect(body).toContain('msgid ""\r\n"Line one\\n"\r\n"Line two\\n"\r\nmsgstr ""\r\n"Бір \\"жол\\"\\n"\r\n"Екі\\tжол\\n"\r\n');
    expect(body).not.toMatch(/[^\r]\n/u);
  });

  it('marks a draft fuzzy and clears the fuzzy flag of a message now approved, keeping its other flags and #| lines', () => {
    const text = [
      'msgid ""',
      'msgstr "Language: ru\\n"',
      '',
      '# translator note',
      '#, fuzzy, c-format',
      '#| msgid "Old %s"',
      'msgid "New %s"',
      'msgstr "Старый %s"',
      '',
      '#: b.c:3',
      '#| msgid "Was"',
      'msgid "Is"',
      'msgstr ""',
      '',
    ].join('\n');
    const out = rebuild(text, [approved('Новый %s'), { text: 'Есть', approved: false }], 'ru');
    expect(out).toContain('# translator note\n#, c-format\n#| msgid "Old %s"\nmsgid "New %s"\nmsgstr "Новый %s"\n');
    expect(out).toContain('#: b.c:3\n#, fuzzy\n#| msgid "Was"\nmsgid "Is"\nmsgstr "Есть"\n');
    // Untranslated: an empty msgstr and no fuzzy flag.
    const empty = rebuild(text, [approved(''), null], 'ru');
    expect(empty).toContain('#, c-format\n#| msgid "Old %s"\nmsgid "New %s"\nmsgstr ""\n');
  });

  it("writes the language's number of plural forms: fewer than the file has, or more, the last repeated", () => {
    const text = 'msgid "%d day"\nmsgid_plural "%d days"\nmsgstr[0] ""\nmsgstr[1] ""\nmsgstr[2] ""\n';
    const cells = [approved('%d день'), approved('%d дня'), approved('%d дней')];
    expect(rebuild(text, cells, 'zh')).toContain('msgid_plural "%d days"\nmsgstr[0] "%d день"\n');
    expect(rebuild(text, cells, 'zh')).not.toContain('msgstr[1]');
    const two = 'msgid "%d day"\nmsgid_plural "%d days"\nmsgstr[0] ""\nmsgstr[1] ""\n';
    const ru = rebuild(two, [approved('%d день'), approved('%d дней')], 'ru');
    expect(ru).toContain('msgstr[0] "%d день"\nmsgstr[1] "%d дней"\nmsgstr[2] "%d дней"\n');
    expect(ru).toContain('"Plural-Forms: nplurals=3;');
  });
});
