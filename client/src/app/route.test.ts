import { describe, expect, it } from 'vitest';
import { parseRoute } from './route.js';

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
