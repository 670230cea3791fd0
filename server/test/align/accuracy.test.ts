import { describe, expect, it } from 'vitest';
import { perturb, score } from './accuracy.js';
import { roffParagraphs } from './corpus.js';

describe('accuracy harness', () => {
  it('reads man-page paragraphs with the macro that opened each, formatting stripped', () => {
    const roff = [
      '.\\" a comment',
      '.TH PASSWD 1',
      '.SH "NAME"',
      'passwd \\- change user password',
      '.SH "DESCRIPTION"',
      '.PP',
      'The \\fBpasswd\\fR command changes',
      'passwords for user accounts\\&.',
      '.TP',
      '\\fB\\-a\\fR, \\fB\\-\\-all\\fR',
      '.RS 4',
      'Show status for all accounts\\&.',
      '.RE',
    ].join('\n');
    expect(roffParagraphs(roff)).toEqual([
      { macro: 'SH', text: 'NAME' },
      { macro: 'PP', text: 'passwd - change user password' },
      { macro: 'SH', text: 'DESCRIPTION' },
      { macro: 'PP', text: 'The passwd command changes passwords for user accounts.' },
      { macro: 'TP', text: '-a, --all Show status for all accounts.' },
    ]);
  });

  it('drops and merges target paragraphs with a gold alignment that follows', () => {
    const source = Array.from({ length: 14 }, (_, i) => `s${i}`);
    const target = source.map((s) => s.replace('s', 't'));
    const p = perturb({ name: 'x', origin: 'x', source, target });
    const key = (l: { source: number[]; target: number[] }): string => `${l.source.join('+')}-${l.target.join('+')}`;
    expect(p.gold.map(key)).toEqual(['0-0', '1-1', '2-2', '3-', '4-3', '5+6-4', '7-5', '8-6', '9-7', '10-', '11-8', '12-9', '13-10']);
    expect(p.target[4]).toBe('t5 t6');
    expect(
      score(
        [
          { source: [0], target: [0], score: 0.9 },
          { source: [1, 2], target: [1], score: 0.3 },
        ],
        p.gold.slice(0, 3),
      ),
    ).toEqual({
      recall: 0.333,
      precision: 0.5,
      scoreRight: 0.9,
      scoreWrong: 0.3,
    });
  });
});
