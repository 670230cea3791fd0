import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../../shared/protocol/review.js';
import { completeMention, mentionCandidates, mentionQuery, teamOf } from './mentions.js';

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

describe('mention candidates', () => {
  const u = (username: string, displayName: string, langs: DirectoryEntry['langs'], isAdmin = false): DirectoryEntry => ({
    id: `u_${username}`,
    username,
    displayName,
    isAdmin,
    langs,
  });
  const everyone = [
    u('admin', 'Administrator', [], true),
    u('dana', 'Dana Translator', ['ru', 'kk']),
    u('rita', 'Rita Reviewer', ['ru']),
    u('wang', 'Wang Fang', ['zh']),
    u('viewer', 'Vera Viewer', []),
  ];

  it('offers the document team only: admins and people with a role in one of its languages', () => {
    expect(teamOf(everyone, { sourceLang: 'en', targetLangs: ['ru'] }).map((x) => x.username)).toEqual(['admin', 'dana', 'rita']);
    expect(teamOf(everyone, { sourceLang: 'zh', targetLangs: ['kk'] }).map((x) => x.username)).toEqual(['admin', 'dana', 'wang']);
  });

  it('matches the user name or any word of the display name, whatever the case', () => {
    const team = teamOf(everyone, { sourceLang: 'en', targetLangs: ['ru', 'zh'] });
    expect(mentionCandidates(team, 'r').map((x) => x.username)).toEqual(['rita']);
    expect(mentionCandidates(team, 'TRANS').map((x) => x.username)).toEqual(['dana']);
    expect(mentionCandidates(team, 'fang').map((x) => x.username)).toEqual(['wang']);
    expect(mentionCandidates(team, '')).toHaveLength(4);
    expect(mentionCandidates(team, '', 2)).toHaveLength(2);
  });
});
