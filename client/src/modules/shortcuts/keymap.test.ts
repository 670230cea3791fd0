import { describe, expect, it } from 'vitest';
import { matchShortcut } from './keymap.js';

const k = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string }> = {}) => ({
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
  it('maps approve-and-next and the paragraph structure keys, letters by their physical key', () => {
    expect(matchShortcut(k('Enter', { ctrlKey: true, shiftKey: true }), true)).toBe('approveNext');
    expect(matchShortcut(k('Enter', { ctrlKey: true, altKey: true }), true)).toBe('splitParagraph');
    expect(matchShortcut(k('j', { ctrlKey: true, altKey: true, code: 'KeyJ' }), true)).toBe('joinParagraph');
    // A Russian layout: the J key types "о".
    expect(matchShortcut(k('о', { ctrlKey: true, altKey: true, code: 'KeyJ' }), true)).toBe('joinParagraph');
    expect(matchShortcut(k('i', { ctrlKey: true, altKey: true, code: 'KeyI' }), true)).toBe('insertParagraph');
    expect(matchShortcut(k('d', { ctrlKey: true, altKey: true, code: 'KeyD' }), true)).toBe('deleteParagraph');
    expect(matchShortcut(k('j', { ctrlKey: true, code: 'KeyJ' }), true)).toBeNull();
    expect(matchShortcut(k('j', { ctrlKey: true, altKey: true, shiftKey: true, code: 'KeyJ' }), true)).toBeNull();
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
