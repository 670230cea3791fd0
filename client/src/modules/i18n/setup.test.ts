import { describe, expect, it } from 'vitest';
import { changeLocale, detectLocale, initI18n } from './setup.js';
import { errorKey } from './errorKey.js';

describe('UI locale', () => {
  it('prefers the remembered choice, then the browser languages, then English', () => {
    expect(detectLocale('kk', ['ru-RU'])).toBe('kk');
    expect(detectLocale(null, ['de-DE', 'zh-CN', 'ru'])).toBe('zh');
    expect(detectLocale('xx', ['uz-Latn-UZ'])).toBe('uz');
    expect(detectLocale(null, ['fr'])).toBe('en');
  });

  it('remembers a switch and sets the page language tag', async () => {
    const i18n = await initI18n('en');
    await changeLocale(i18n, 'zh');
    expect(localStorage.getItem('anor.uiLocale')).toBe('zh');
    expect(document.documentElement.lang).toBe('zh-Hans');
    expect(i18n.t('sync.offlineWaiting', { count: 3 })).toBe('离线 — 3 处修改等待发送');
    await changeLocale(i18n, 'ru');
    expect(i18n.t('sync.offlineWaiting', { count: 5 })).toBe('Нет сети — ждут 5 правок');
    expect(i18n.t('sync.offlineWaiting', { count: 2 })).toBe('Нет сети — ждут 2 правки');
  });

  it('writes interpolated quantities the CLDR way of the UI language, positions plain', async () => {
    const i18n = await initI18n('kk');
    expect(i18n.t('documents.list.paragraphs', { count: 12345 })).toBe('12\u00a0345 абзац');
    expect(i18n.t('aids:checks.paragraph', { n: 12345 })).toBe('12345-абзац');
    expect(i18n.t('review:history.rev', { rev: 1024 })).toBe('1024-нұсқа');
    await changeLocale(i18n, 'uz');
    expect(i18n.t('documents.progress.summary', { lang: 'X', approved: 1500, total: 20000 })).toBe(
      'X: 20\u00a0000 tadan 1\u00a0500 tasi tasdiqlangan',
    );
    await changeLocale(i18n, 'en');
    expect(i18n.t('documents.list.paragraphs', { count: 12345 })).toBe('12,345 paragraphs');
  });

  it('maps error codes to keys and unknown codes to a generic message', () => {
    expect(errorKey('text_too_long')).toBe('errors.text_too_long');
    expect(errorKey('network')).toBe('errors.network');
    expect(errorKey('<script>')).toBe('errors.internal');
  });
});
