import { describe, expect, it } from 'vitest';
import { completeMention, mentionQuery } from './mentions.js';

describe('mentions', () => {
  it('finds the name being typed after @, not inside an e-mail address', () => {
    expect(mentionQuery('Please check, @da', 17)).toBe('da');
    expect(mentionQuery('@', 1)).toBe('');
    expect(mentionQuery('«@Дан', 5)).toBe('Дан');
    expect(mentionQuery('mail me: dana@example.org', 25)).toBeNull();
    expect(mentionQuery('@dana done', 10)).toBeNull();
  });

  it('completes the mention at the caret and keeps the rest of the text', () => {
    expect(completeMention('Ask @da about it', 7, 'dana')).toEqual({ text: 'Ask @dana  about it', caret: 10 });
    expect(completeMention('no mention', 3, 'dana')).toEqual({ text: 'no mention', caret: 3 });
  });
});
