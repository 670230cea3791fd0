import { describe, expect, it } from 'vitest';
import type { GlossaryTermDto } from '../../../../shared/protocol/aids.js';
import { glossaryTermBody } from '../../../../shared/protocol/aids.js';
import { bodyOf, draftOf, emptyDraft, searchTerms } from './terms.js';

const term = (id: string, t: Partial<GlossaryTermDto>): GlossaryTermDto => ({ id, updatedAt: '', updatedBy: 'u', ...t });

describe('glossary terms', () => {
  const terms = [
    term('t1', { en: 'summit', ru: 'саммит', kk: 'саммит', forbidden: [{ lang: 'ru', text: 'встреча на высшем уровне' }] }),
    term('t2', { en: 'Astana', zh: '阿斯塔纳', note: 'The capital since 1997' }),
    term('t3', { zh: '中亚', uz: 'Markaziy Osiyo' }),
  ];

  it('finds a term by any rendering, its note or a forbidden variant, whatever the case', () => {
    expect(searchTerms(terms, 'САММ').map((t) => t.id)).toEqual(['t1']);
    expect(searchTerms(terms, 'capital').map((t) => t.id)).toEqual(['t2']);
    expect(searchTerms(terms, 'высшем').map((t) => t.id)).toEqual(['t1']);
    expect(searchTerms(terms, 'osiyo').map((t) => t.id)).toEqual(['t3']);
    expect(searchTerms(terms, 'nothing')).toEqual([]);
  });

  it('lists everything for an empty search, ordered by the first rendering', () => {
    expect(searchTerms(terms, '  ').map((t) => t.id)).toEqual(['t2', 't1', 't3']);
  });

  it('makes a body the server accepts: blanks dropped, variants trimmed and sent once', () => {
    const draft = draftOf(terms[0]!);
    draft.texts.uz = '  sammit ';
    draft.note = '   ';
    draft.forbidden.push({ lang: 'ru', text: ' встреча на высшем уровне ' }, { lang: 'kk', text: '' });
    const body = bodyOf(draft);
    expect(body).toEqual({
      en: 'summit',
      ru: 'саммит',
      kk: 'саммит',
      uz: 'sammit',
      forbidden: [{ lang: 'ru', text: 'встреча на высшем уровне' }],
    });
    expect(glossaryTermBody.safeParse(body).success).toBe(true);
  });

  it('refuses a term without any rendering', () => {
    const draft = emptyDraft();
    draft.note = 'only a note';
    expect(bodyOf(draft)).toBeNull();
  });
});
