import { finding, type CheckId, type CheckInput, type Finding } from './types.js';

interface Token {
  text: string;
  index: number;
}

// Stop at whitespace, CJK punctuation and quotes/brackets: "见https://a.cn/x。" must not swallow the 。
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s\p{Script=Han}<>"«»“”‘’()（）【】，。；：！？、]+/giu;
// ASCII local part: Chinese text runs straight into an address ("来信请寄press@mfa.kz") with no space.
const DOMAIN_CHAR = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{N}-]`;
const EMAIL_RE = new RegExp(
  String.raw`[A-Za-z0-9._%+-]+@(?:${DOMAIN_CHAR}+\.)+${DOMAIN_CHAR}*[\p{Script=Latin}\p{Script=Cyrillic}\p{N}]`,
  'gu',
);

function tokens(text: string, re: RegExp): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(re)) {
    // A sentence full stop or comma after a link belongs to the sentence, not the link.
    const trimmed = m[0].replace(/[.,;:!?'’]+$/u, '');
    out.push({ text: trimmed, index: m.index });
  }
  return out;
}

export function extractUrls(text: string): Token[] {
  return tokens(text, URL_RE);
}

export function extractEmails(text: string): Token[] {
  return tokens(text, EMAIL_RE).filter((t) => !/^https?:/iu.test(t.text));
}

/** Links and addresses must come through character for character: a "translated" URL is a broken URL. */
function compare(check: CheckId, what: string, source: Token[], target: Token[]): Finding[] {
  const left = [...target];
  const out: Finding[] = [];
  const missing: Token[] = [];
  for (const s of source) {
    const at = left.findIndex((t) => t.text === s.text);
    if (at >= 0) left.splice(at, 1);
    else missing.push(s);
  }
  for (const s of missing) {
    const changed = left.shift();
    out.push(
      changed
        ? finding(check, 'changed', `The ${what} ${s.text} reads ${changed.text} in the target`, { source: s.text, target: changed.text }, [
            { start: changed.index, end: changed.index + changed.text.length },
          ])
        : finding(check, 'missing', `The ${what} ${s.text} is missing from the target`, { source: s.text }),
    );
  }
  for (const t of left) {
    out.push(
      finding(check, 'added', `The ${what} ${t.text} in the target is not in the source`, { target: t.text }, [
        { start: t.index, end: t.index + t.text.length },
      ]),
    );
  }
  return out;
}

export function checkLinks({ source, target }: CheckInput): Finding[] {
  return [
    ...compare('url_mismatch', 'URL', extractUrls(source), extractUrls(target)),
    ...compare('email_mismatch', 'e-mail address', extractEmails(source), extractEmails(target)),
  ];
}
