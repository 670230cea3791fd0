import { describe, expect, it } from 'vitest';
import { blockingFindings, qaOverrideBody, type QaOverride } from './approval.js';
import { runChecks } from './run.js';

// 12 became 21 (error), and a double space (warning).
const findings = runChecks({
  source: 'A total of 12 cooperation documents were signed.',
  target: 'Всего подписан 21 документ  о сотрудничестве.',
  sourceLang: 'en',
  targetLang: 'ru',
});

describe('blockingFindings', () => {
  it('blocks on errors only', () => {
    expect(findings.map((f) => f.severity).sort()).toEqual(['error', 'warning']);
    expect(blockingFindings(findings, [], 3).map((f) => f.check)).toEqual(['number_missing']);
  });

  it('lifts an error overridden on the same revision, not on an older one', () => {
    const override: QaOverride = {
      check: 'number_missing',
      rev: 3,
      reason: 'The source has a typo; 21 is right',
      by: 'u1',
      at: '2026-11-27T23:50:00Z',
    };
    expect(blockingFindings(findings, [override], 3)).toEqual([]);
    expect(blockingFindings(findings, [override], 4).map((f) => f.check)).toEqual(['number_missing']);
  });
});

describe('qaOverrideBody', () => {
  it('requires a known check and a reason, and strips unknown fields', () => {
    expect(qaOverrideBody.parse({ check: 'number_missing', rev: 3, reason: ' Source typo ', by: 'someone' })).toEqual({
      check: 'number_missing',
      rev: 3,
      reason: 'Source typo',
    });
    const bad = qaOverrideBody.safeParse({ check: 'spelling', rev: -1, reason: '' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['check', 'reason', 'rev']);
  });
});
