/** Value checks for XLIFF 2 attribute types (XSD simple types plus the spec's prose). */

// XML NCName-ish token: the test suite's bad ids (`/1`, `#1`, `\1`) fail this.
const NAME_CHAR = /^[\u0300-\u036f\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_:.\-\u00b7\u203f-\u2040]+$/u;

export function isNmtoken(v: string): boolean {
  return v.length > 0 && NAME_CHAR.test(v);
}

export function isNmtokens(v: string): boolean {
  const parts = v.trim().split(/[ \t\r\n]+/u);
  return v.trim() !== '' && parts.every(isNmtoken);
}

/** BCP 47 well-formedness, checked with the platform's own tag parser. */
export function isLanguageTag(v: string): boolean {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/u.test(v)) return false;
  try {
    Intl.getCanonicalLocales(v);
    return true;
  } catch {
    return false;
  }
}

export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export type AttrType =
  | 'string'
  | 'nmtoken'
  | 'nmtokens'
  | 'yesNo'
  | 'yesNoFirstNo'
  | 'dir'
  | 'appliesTo'
  | 'userDefined'
  | 'codeType'
  | 'mrkType'
  | 'priority'
  | 'state'
  | 'positiveInteger'
  | 'hex'
  | 'language';

const ENUMS: Partial<Record<AttrType, readonly string[]>> = {
  yesNo: ['yes', 'no'],
  yesNoFirstNo: ['yes', 'firstNo', 'no'],
  dir: ['ltr', 'rtl', 'auto'],
  appliesTo: ['source', 'target'],
  codeType: ['fmt', 'ui', 'quote', 'link', 'image', 'other'],
  state: ['initial', 'translated', 'reviewed', 'final'],
};

const USER_DEFINED = /^[^\s:]+:[^\s:]+$/u;

/** Undefined when the value fits the type, else why not. */
export function checkValue(type: AttrType, v: string): string | undefined {
  const allowed = ENUMS[type];
  if (allowed) return allowed.includes(v) ? undefined : `must be one of ${allowed.join(', ')}`;
  switch (type) {
    case 'string':
      return undefined;
    case 'nmtoken':
      return isNmtoken(v) ? undefined : 'must be an XML name token (letters, digits, . - _ :)';
    case 'nmtokens':
      return isNmtokens(v) ? undefined : 'must be a space-separated list of XML name tokens';
    case 'userDefined':
      return USER_DEFINED.test(v) ? undefined : 'must have the form prefix:value';
    case 'mrkType':
      return ['generic', 'comment', 'term'].includes(v) || USER_DEFINED.test(v)
        ? undefined
        : 'must be generic, comment, term or prefix:value';
    case 'priority':
      return /^([1-9]|10)$/u.test(v) ? undefined : 'must be an integer from 1 to 10';
    case 'positiveInteger':
      return /^\+?0*[1-9]\d*$/u.test(v) ? undefined : 'must be a positive integer';
    case 'hex':
      return /^([0-9A-Fa-f]{2})+$/u.test(v) ? undefined : 'must be hexadecimal';
    case 'language':
      return isLanguageTag(v) ? undefined : 'must be a well-formed BCP 47 language tag';
    default:
      return undefined;
  }
}
