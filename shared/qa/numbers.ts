import type { Lang } from '../languages.js';
import { extractNumbers, sameNumber, type ExtractedNumber } from '../text/numbers.js';
import { dateKey, extractDates, extractTimes, timeKey, type ExtractedDate, type ExtractedTime } from '../text/dates.js';
import { finding, type CheckInput, type Finding } from './types.js';

/** Figures outside dates and times: a date's day and month, a time's hour and minute are compared as such instead. */
export function figuresOutsideDates(
  text: string,
  lang: Lang,
  dates: ExtractedDate[] = extractDates(text, lang),
  times: ExtractedTime[] = extractTimes(text),
): ExtractedNumber[] {
  const spans = [...dates, ...times];
  return extractNumbers(text, lang).filter((n) => !spans.some((d) => n.index >= d.index && n.index < d.end));
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/** "540 million (= 540000000)", but just "12" when the text already is the value. */
function label(n: ExtractedNumber): string {
  const v = formatValue(n.value);
  return n.raw === v ? v : `${n.raw} (= ${v})`;
}

/**
 * Every source figure must appear in the target with the same value, however
 * each language writes it. A leftover source figure next to a leftover target
 * figure is reported as "changed" (pointing at the target one); other leftovers
 * as missing (error) or added (warning — a translator may spell out a date or
 * add a year for clarity).
 */
export function checkNumbers({ source, target, sourceLang, targetLang }: CheckInput): Finding[] {
  const sourceDates = extractDates(source, sourceLang);
  const targetDates = extractDates(target, targetLang);
  const sourceTimes = extractTimes(source);
  const targetTimes = extractTimes(target);
  const src = figuresOutsideDates(source, sourceLang, sourceDates, sourceTimes);
  const tgt = figuresOutsideDates(target, targetLang, targetDates, targetTimes);
  const unmatchedTarget = [...tgt];
  const missing: ExtractedNumber[] = [];
  for (const n of src) {
    const at = unmatchedTarget.findIndex((t) => sameNumber(t.value, n.value));
    if (at >= 0) unmatchedTarget.splice(at, 1);
    else missing.push(n);
  }
  const out: Finding[] = [];
  for (const n of missing) {
    const changed = unmatchedTarget.shift();
    if (changed) {
      out.push(
        finding(
          'number_missing',
          'changed',
          `Number ${label(n)} in the source reads ${label(changed)} in the target`,
          { source: n.raw, target: changed.raw, value: formatValue(n.value) },
          [{ start: changed.index, end: changed.index + changed.raw.length }],
        ),
      );
    } else {
      out.push(
        finding('number_missing', null, `Number ${label(n)} is missing from the target`, {
          source: n.raw,
          value: formatValue(n.value),
        }),
      );
    }
  }
  for (const t of unmatchedTarget) {
    out.push(
      finding(
        'number_added',
        null,
        `Number ${label(t)} in the target is not in the source`,
        { target: t.raw, value: formatValue(t.value) },
        [{ start: t.index, end: t.index + t.raw.length }],
      ),
    );
  }
  out.push(...compareDates(sourceDates, targetDates), ...compareTimes(sourceTimes, targetTimes));
  return out;
}

function compareTimes(sourceTimes: ExtractedTime[], targetTimes: ExtractedTime[]): Finding[] {
  const left = [...targetTimes];
  const out: Finding[] = [];
  for (const t of sourceTimes) {
    const at = left.findIndex((x) => timeKey(x) === timeKey(t));
    if (at >= 0) {
      left.splice(at, 1);
      continue;
    }
    const other = left.shift();
    out.push(
      other
        ? finding(
            'date_mismatch',
            'time_changed',
            `Time ${t.raw} (${timeKey(t)}) in the source reads ${other.raw} (${timeKey(other)}) in the target`,
            { source: t.raw, target: other.raw, time: timeKey(t) },
            [{ start: other.index, end: other.end }],
          )
        : finding('date_mismatch', 'time', `Time ${t.raw} (${timeKey(t)}) is missing from the target`, { source: t.raw, time: timeKey(t) }),
    );
  }
  return out;
}

function compareDates(sourceDates: ExtractedDate[], targetDates: ExtractedDate[]): Finding[] {
  const left = [...targetDates];
  const out: Finding[] = [];
  for (const d of sourceDates) {
    const at = left.findIndex((t) => dateKey(t) === dateKey(d));
    if (at >= 0) {
      left.splice(at, 1);
      continue;
    }
    const other = left.shift();
    out.push(
      finding(
        'date_mismatch',
        other ? 'changed' : null,
        other
          ? `Date ${d.raw} (${dateKey(d)}) in the source reads ${other.raw} (${dateKey(other)}) in the target`
          : `Date ${d.raw} (${dateKey(d)}) is missing from the target`,
        other ? { source: d.raw, target: other.raw, date: dateKey(d) } : { source: d.raw, date: dateKey(d) },
        other ? [{ start: other.index, end: other.end }] : [],
      ),
    );
  }
  return out;
}
