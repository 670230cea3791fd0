import { describe, expect, it } from 'vitest';
import { documentFromCreated, emptyCell } from '../../../shared/index.js';
import type { DocEvent, DocumentState } from '../../../shared/index.js';
import { chooseExact, decidePretranslate } from './pretranslate.js';
import type { Unit } from './memoryIndex.js';

function doc(rows: { en: string; ru?: string; kk?: string }[]): DocumentState {
  const ev = {
    type: 'document.created',
    docId: 'd1',
    seq: 1,
    at: '2026-01-01T00:00:00Z',
    by: 'u',
    opId: null,
    doc: {
      id: 'd1',
      title: 't',
      sourceLang: 'en',
      targetLangs: ['ru', 'kk'],
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: 'u',
      paragraphs: rows.map((r, i) => ({
        id: `p${i}`,
        cells: {
          en: { ...emptyCell(), text: r.en, rev: 1, status: 'draft' as const },
          ru: r.ru ? { ...emptyCell(), text: r.ru, rev: 1, status: 'draft' as const } : emptyCell(),
          kk: r.kk ? { ...emptyCell(), text: r.kk, rev: 1, status: 'draft' as const } : emptyCell(),
        },
      })),
    },
  } satisfies DocEvent;
  const d = documentFromCreated(ev, true);
  return { ...d, history: d.history ?? {} };
}

const u = (id: string, texts: Unit['texts'], at: string): Unit => ({
  id,
  origin: 'document',
  docId: 'x',
  paragraphId: id,
  texts,
  at,
  variants: {},
});

describe('pre-translation decisions', () => {
  it('fills only empty target cells with a non-empty source, as pretranslate drafts on the next revision', () => {
    const d = doc([{ en: 'Hello.' }, { en: 'Hello.', ru: 'Мой текст.' }, { en: '' }, { en: 'Unknown.' }]);
    const memory: Record<string, Partial<Record<'ru' | 'kk', string>>> = { 'Hello.': { ru: 'Привет.', kk: 'Сәлем.' } };
    const decision = decidePretranslate(d, ['ru'], (text, _src, lang) => memory[text]?.[lang as 'ru' | 'kk'] ?? null);
    expect(decision.bodies).toEqual([
      { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'pretranslate', text: 'Привет.', rev: 1, status: 'draft' },
    ]);
    expect(decision.finish(d, 7)).toEqual({ seq: 7, filled: [{ paragraphId: 'p0', lang: 'ru' }] });
    // Languages outside the document are ignored; all targets by default.
    expect(decidePretranslate(d, ['zh'], () => 'x').bodies).toEqual([]);
    expect(
      decidePretranslate(d, undefined, (text, _s, lang) => memory[text]?.[lang as 'ru' | 'kk'] ?? null).bodies.map(
        (b) => b.type === 'cell.edited' && `${b.paragraphId}:${b.lang}`,
      ),
    ).toEqual(['p0:ru', 'p0:kk', 'p1:kk']);
  });

  it('takes only an identical source as 100%, and the newest approval when several agree', () => {
    const units = [
      u('a', { en: 'Hello.', ru: 'Привет.' }, '2026-01-01'),
      u('b', { en: 'Hello.', ru: 'Здравствуйте.' }, '2026-03-01'),
      u('c', { en: 'hello.', ru: 'привет.' }, '2026-05-01'),
      u('d', { en: 'Hello.', kk: 'Сәлем.' }, '2026-06-01'),
    ];
    expect(chooseExact(units, 'Hello.', 'en', 'ru')).toBe('Здравствуйте.');
    expect(chooseExact(units, ' Hello. ', 'en', 'kk')).toBe('Сәлем.');
    expect(chooseExact(units, 'HELLO.', 'en', 'ru')).toBeNull();
  });
});
