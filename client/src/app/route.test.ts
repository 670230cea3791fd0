import { describe, expect, it } from 'vitest';
import { cellHash, parseRoute } from './route.js';

describe('reading routes', () => {
  it('reads #/read/<docId> and #/share/<token>', () => {
    expect(parseRoute('#/read/d_abc%2D1')).toEqual({ name: 'read', docId: 'd_abc-1' });
    const token = 'A'.repeat(20) + '-_' + 'z'.repeat(21);
    expect(parseRoute(`#/share/${token}`)).toEqual({ name: 'share', token });
  });

  it('sends a share path with characters no token has to the list, not to a reader', () => {
    expect(parseRoute('#/share/abc%2Fdef')).toEqual({ name: 'list' });
    expect(parseRoute('#/share/')).toEqual({ name: 'list' });
  });
});

describe('cell routes', () => {
  it('reads #/doc/<docId>/<paragraphId>/<lang> and writes it back', () => {
    expect(parseRoute('#/doc/d_1/p_2/kk')).toEqual({ name: 'doc', docId: 'd_1', cell: { paragraphId: 'p_2', lang: 'kk' } });
    expect(parseRoute(cellHash('d 1', 'p/2', 'zh'))).toEqual({ name: 'doc', docId: 'd 1', cell: { paragraphId: 'p/2', lang: 'zh' } });
    expect(parseRoute('#/doc/d_1')).toEqual({ name: 'doc', docId: 'd_1' });
  });

  it("opens the document without a cell when the language is not one of Anor's", () => {
    expect(parseRoute('#/doc/d_1/p_2/de')).toEqual({ name: 'doc', docId: 'd_1' });
  });
});
