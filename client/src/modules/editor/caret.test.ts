import { describe, expect, it } from 'vitest';
import { adjustCaret } from './caret.js';

describe('adjustCaret', () => {
  it('shifts the caret by text inserted or removed before it', () => {
    expect(adjustCaret('world', 'hello world', 3)).toBe(9);
    expect(adjustCaret('hello world', 'world', 9)).toBe(3);
  });
  it('leaves the caret alone for changes after it', () => {
    expect(adjustCaret('hello', 'hello world', 2)).toBe(2);
  });
  it('puts a caret inside a replaced span at the end of the replacement', () => {
    expect(adjustCaret('one two three', 'one 2 three', 5)).toBe(5);
  });
  it('works in Chinese and stays within the text', () => {
    expect(adjustCaret('世界', '你好世界', 1)).toBe(3);
    expect(adjustCaret('你好世界', '', 4)).toBe(0);
  });
});
