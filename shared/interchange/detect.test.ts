import { describe, expect, it } from 'vitest';
import { checkDeclaredLanguage, detectLanguage } from './detect.js';

const SAMPLES = {
  en: 'The first China–Central Asia Summit was held in Xi’an. The leaders of the six countries signed a declaration and agreed to meet again in two years.',
  zh: '首届中国—中亚峰会在西安举行。六国元首签署了宣言，并同意两年后再次会晤。这是一次具有历史意义的会议。',
  zhHant: '首屆中國—中亞峰會在西安舉行。這是一次具有歷史意義的會議，六國元首簽署了宣言，並同意兩年後再次會晤。',
  ru: 'Первый саммит «Китай — Центральная Азия» прошёл в Сиане. Лидеры шести стран подписали декларацию и договорились встретиться снова через два года.',
  kk: 'Бірінші «Қытай – Орталық Азия» саммиті Сиань қаласында өтті. Алты елдің басшылары декларацияға қол қойып, екі жылдан кейін қайта кездесуге келісті.',
  uz: 'Birinchi «Xitoy – Markaziy Osiyo» sammiti Sian shahrida boʻlib oʻtdi. Olti davlat rahbarlari deklaratsiyani imzoladi va ikki yildan keyin yana uchrashishga kelishib oldi.',
  uzCyrl:
    'Биринчи «Хитой – Марказий Осиё» саммити Сиан шаҳрида бўлиб ўтди. Олти давлат раҳбарлари декларацияни имзолади ва икки йилдан кейин яна учрашишга келишиб олди.',
  kkLatn:
    'Birinshi «Qytai – Ortalyq Aziá» sammıti Sıan qalasynda ótti. Alty eldiń basshylary deklarasıaǵa qol qoıyp, eki jyldan keıin qaıta kezdesýge kelisti.',
} as const;

describe('detectLanguage', () => {
  it.each([
    ['en', SAMPLES.en, 'en', 'Latn'],
    ['zh', SAMPLES.zh, 'zh', 'Hans'],
    ['zh Traditional', SAMPLES.zhHant, 'zh', 'Hant'],
    ['ru', SAMPLES.ru, 'ru', 'Cyrl'],
    ['kk', SAMPLES.kk, 'kk', 'Cyrl'],
    ['uz Latin', SAMPLES.uz, 'uz', 'Latn'],
    ['uz Cyrillic', SAMPLES.uzCyrl, 'uz', 'Cyrl'],
    ['kk Latin', SAMPLES.kkLatn, 'kk', 'Latn'],
  ])('%s', (_name, text, lang, script) => {
    const d = detectLanguage(text);
    expect({ lang: d.lang, script: d.script }).toEqual({ lang, script });
    expect(d.confidence).toBeGreaterThan(0);
  });

  it('answers null for text without letters', () => {
    expect(detectLanguage('12 345 — 67,8 %').lang).toBeNull();
  });

  it('is not fooled by Latin names inside Chinese text', () => {
    expect(detectLanguage('习近平在Xi’an会见了Kassym-Jomart Tokayev总统并举行会谈。').lang).toBe('zh');
  });
});

describe('checkDeclaredLanguage', () => {
  it('matches when the declared language is right', () => {
    expect(checkDeclaredLanguage('kk', SAMPLES.kk).verdict).toBe('match');
    expect(checkDeclaredLanguage('zh', SAMPLES.zh).verdict).toBe('match');
  });

  it('warns about Cyrillic Uzbek declared as Kazakh, Chinese declared as anything else', () => {
    const c = checkDeclaredLanguage('kk', SAMPLES.uzCyrl);
    expect(c.verdict).toBe('language_mismatch');
    expect(c.detected.lang).toBe('uz');
    for (const l of ['en', 'ru', 'kk', 'uz'] as const) expect(checkDeclaredLanguage(l, SAMPLES.zh).verdict).toBe('language_mismatch');
    expect(checkDeclaredLanguage('en', SAMPLES.ru).verdict).toBe('language_mismatch');
  });

  it('warns when the language is right but the script is not Anor’s', () => {
    expect(checkDeclaredLanguage('uz', SAMPLES.uzCyrl).verdict).toBe('script_mismatch');
    expect(checkDeclaredLanguage('zh', SAMPLES.zhHant).verdict).toBe('script_mismatch');
  });

  it('does not judge a few letters', () => {
    expect(checkDeclaredLanguage('ru', 'OK').verdict).toBe('undetermined');
  });
});
