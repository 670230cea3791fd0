import { useLayoutEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import { tagKey, tagsOf } from '../../../../../shared/inline/index.js';
import type { Tag } from '../../../../../shared/inline/index.js';
import { allowedTags, fromDisplay, outsideToken, tokenSpans, toDisplay, wholeTokens } from './display.js';
import type { TokenSpan } from './display.js';

export interface TagGuard {
  /** What the textarea shows: the text with its tags as tokens (⟨1⟩ …). */
  shown: string;
  /** The stored text for what the textarea now shows. */
  stored: (shown: string) => string;
  /** Tags of the source the cell does not have yet, in the source's order. */
  missing: Tag[];
  /** Puts a tag (a pair around the selection when both halves are missing) at the caret. */
  insert: (tag: Tag) => void;
}

function setValue(el: HTMLTextAreaElement, value: string, caret: number): void {
  // Through the native setter, so React's change tracking sees the new value and fires onChange.
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, value);
  el.setSelectionRange(caret, caret);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Tags a translator can move but not break. Typing, deleting, cutting,
 * dropping or pasting into the middle of a token acts on the whole token
 * instead; a caret never rests inside one; a copied token pastes back as the
 * tag it was. Cells without tags (and sources without any) are untouched.
 */
export function useTagGuard(ref: RefObject<HTMLTextAreaElement | null>, text: string, source: string): TagGuard {
  const allowed = useMemo(() => allowedTags(source, text), [source, text]);
  const shown = useMemo(() => toDisplay(text), [text]);
  const spans = useRef<TokenSpan[]>([]);
  spans.current = tokenSpans(shown, allowed);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || allowed.size === 0) return;
    const current = (): TokenSpan[] => tokenSpans(el.value, allowed);
    const replace = (start: number, end: number, insert: string): void => {
      setValue(el, el.value.slice(0, start) + insert + el.value.slice(end), start + insert.length);
    };
    const onBeforeInput = (e: InputEvent): void => {
      const list = current();
      if (list.length === 0 || e.isComposing) return;
      const { selectionStart: s, selectionEnd: t } = el;
      const collapsed = s === t;
      if (e.inputType.startsWith('delete')) {
        // A collapsed Backspace/Delete next to a token takes the token, as one character would be.
        let range = wholeTokens(list, s, t);
        if (collapsed) {
          const back = e.inputType === 'deleteContentBackward';
          const tok = list.find((x) => (back ? x.end === s : x.start === s));
          if (tok) range = { start: tok.start, end: tok.end };
          else return;
        }
        if (range.start === s && range.end === t) return;
        e.preventDefault();
        replace(range.start, range.end, '');
        return;
      }
      if (e.inputType.startsWith('insert')) {
        const range = collapsed ? { start: outsideToken(list, s, 'end'), end: outsideToken(list, s, 'end') } : wholeTokens(list, s, t);
        if (range.start === s && range.end === t) return;
        const data = e.data ?? e.dataTransfer?.getData('text/plain') ?? (e.inputType === 'insertLineBreak' ? '\n' : null);
        if (data === null) return;
        e.preventDefault();
        replace(range.start, range.end, data);
      }
    };
    const onCopy = (e: ClipboardEvent, cut: boolean): void => {
      const list = current();
      const range = wholeTokens(list, el.selectionStart, el.selectionEnd);
      if (range.start === el.selectionStart && range.end === el.selectionEnd) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', el.value.slice(range.start, range.end));
      if (cut) replace(range.start, range.end, '');
    };
    const copy = (e: ClipboardEvent): void => onCopy(e, false);
    const cut = (e: ClipboardEvent): void => onCopy(e, true);
    // Arrow keys step over a token as over one character.
    const onKeyDown = (e: KeyboardEvent): void => {
      if ((e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
      if (el.selectionStart !== el.selectionEnd) return;
      const at = el.selectionStart;
      const tok = current().find((x) => (e.key === 'ArrowLeft' ? x.end === at : x.start === at));
      if (!tok) return;
      e.preventDefault();
      const to = e.key === 'ArrowLeft' ? tok.start : tok.end;
      el.setSelectionRange(to, to);
    };
    const onSelect = (): void => {
      if (el.selectionStart !== el.selectionEnd) return;
      const at = outsideToken(current(), el.selectionStart);
      if (at !== el.selectionStart) el.setSelectionRange(at, at);
    };
    el.addEventListener('beforeinput', onBeforeInput);
    el.addEventListener('keydown', onKeyDown);
    el.addEventListener('copy', copy);
    el.addEventListener('cut', cut);
    el.addEventListener('select', onSelect);
    el.addEventListener('keyup', onSelect);
    el.addEventListener('mouseup', onSelect);
    return () => {
      el.removeEventListener('beforeinput', onBeforeInput);
      el.removeEventListener('keydown', onKeyDown);
      el.removeEventListener('copy', copy);
      el.removeEventListener('cut', cut);
      el.removeEventListener('select', onSelect);
      el.removeEventListener('keyup', onSelect);
      el.removeEventListener('mouseup', onSelect);
    };
  }, [ref, allowed]);

  const have = new Set(tagsOf(text).map(tagKey));
  const missing = tagsOf(source).filter((t) => !have.has(tagKey(t)));
  return {
    shown,
    stored: (value) => fromDisplay(value, allowed),
    missing,
    insert(tag) {
      const el = ref.current;
      if (!el) return;
      const { selectionStart: s, selectionEnd: t } = el;
      const at = wholeTokens(spans.current, s, t);
      const pairMissing = tag.kind === 'open' && missing.some((m) => m.kind === 'close' && m.id === tag.id);
      const token = tag.kind === 'open' ? `⟨${tag.id}⟩` : tag.kind === 'close' ? `⟨/${tag.id}⟩` : `⟨${tag.id}/⟩`;
      const inner = el.value.slice(at.start, at.end);
      const insert = pairMissing ? `${token}${inner}⟨/${tag.id}⟩` : `${token}${inner}`;
      el.focus();
      setValue(el, el.value.slice(0, at.start) + insert + el.value.slice(at.end), at.start + insert.length);
    },
  };
}
