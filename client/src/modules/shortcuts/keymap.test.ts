import { describe, expect, it } from 'vitest';
import { matchShortcut } from './keymap.js';

const k = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it('maps the Pontoon/Weblate-style keys', () => {
    expect(matchShortcut(k('ArrowDown', { altKey: true }), true)).toBe('nextParagraph');
    expect(matchShortcut(k('ArrowUp', { altKey: true }), true)).toBe('prevParagraph');
    expect(matchShortcut(k('ArrowDown', { altKey: true, shiftKey: true }), true)).toBe('nextUntranslated');
    expect(matchShortcut(k('C', { ctrlKey: true, shiftKey: true }), true)).toBe('copySource');
    expect(matchShortcut(k('F', { metaKey: true, shiftKey: true }), true)).toBe('focusSearch');
    expect(matchShortcut(k('Enter', { ctrlKey: true }), true)).toBe('submitReview');
    expect(matchShortcut(k('Escape'), true)).toBe('leaveCell');
  });
  it('treats "/" and "?" as text while typing and as shortcuts elsewhere', () => {
    expect(matchShortcut(k('/'), true)).toBeNull();
    expect(matchShortcut(k('?', { shiftKey: true }), true)).toBeNull();
    expect(matchShortcut(k('/'), false)).toBe('focusSearch');
    expect(matchShortcut(k('?', { shiftKey: true }), false)).toBe('help');
  });
  it('ignores ordinary typing', () => {
    expect(matchShortcut(k('a'), true)).toBeNull();
    expect(matchShortcut(k('c', { ctrlKey: true }), true)).toBeNull();
  });
});
