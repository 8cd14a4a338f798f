import type { DateParts, RecordDate } from '../../../schemas/record.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

const UNDATED = /^(n\.\s?d\.?|undated|no date|date unknown)$/i;

function monthNumber(name: string): number | undefined {
  const index = MONTHS.findIndex((month) => month === name.toLowerCase() || month.slice(0, 3) === name.toLowerCase().replace(/\.$/, ''));
  return index === -1 ? undefined : index + 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** One date at day, month or year precision: `January 27, 1951`, `27 January 1951`, `May 1951`, `1958`, `1951-01-27`. */
function parseSingle(text: string): DateParts | undefined {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { year: Number(m[1]) };
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  if (m) return checked(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) return withMonthName(m[1], Number(m[3]), Number(m[2]));
  m = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(t);
  if (m) return withMonthName(m[2], Number(m[3]), Number(m[1]));
  m = /^([A-Za-z]+\.?),?\s+(\d{4})$/.exec(t);
  if (m) return withMonthName(m[1], Number(m[2]), undefined);
  return undefined;
}

function withMonthName(name: string | undefined, year: number, day: number | undefined): DateParts | undefined {
  const month = name === undefined ? undefined : monthNumber(name);
  return month === undefined ? undefined : checked(year, month, day);
}

function checked(year: number, month: number, day: number | undefined): DateParts | undefined {
  if (year < 1 || month < 1 || month > 12) return undefined;
  if (day === undefined) return { year, month };
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** EDTF level 0 form of a date at its own precision. */
export function edtfOf(parts: DateParts): string {
  const year = String(parts.year).padStart(4, '0');
  if (parts.month === undefined) return year;
  if (parts.day === undefined) return `${year}-${pad(parts.month)}`;
  return `${year}-${pad(parts.month)}-${pad(parts.day)}`;
}

function precisionOf(parts: DateParts): 'day' | 'month' | 'year' {
  if (parts.day !== undefined) return 'day';
  return parts.month !== undefined ? 'month' : 'year';
}

/** Compares two dates at the coarser precision of the two; negative when `a` is earlier. */
function compareParts(a: DateParts, b: DateParts): number {
  return (
    a.year - b.year ||
    (a.month !== undefined && b.month !== undefined ? a.month - b.month : 0) ||
    (a.day !== undefined && b.day !== undefined ? a.day - b.day : 0)
  );
}

/**
 * Parses a display date as the archive writes it, keeping the precision given and never
 * inventing a day or month. Returns undefined when the text is not a date it knows.
 */
export function parseDisplayDate(display: string): RecordDate | undefined {
  const text = display.trim();
  if (UNDATED.test(text)) return { display: text, precision: 'undated' };
  const single = parseSingle(text);
  if (single) return { display: text, precision: precisionOf(single), edtf: edtfOf(single), start: single };
  const range = /^(.+?)\s*(?:–|—|-|\bto\b)\s*(.+)$/.exec(text);
  if (!range?.[1] || !range[2]) return undefined;
  const end = parseSingle(range[2]);
  // "May - June 1951" and "1-3 May 1951": the first part borrows what it lacks from the second.
  const start =
    parseSingle(range[1]) ??
    (end ? parseSingle(`${range[1]} ${end.year}`) : undefined) ??
    (end?.month !== undefined ? parseSingle(`${range[1]} ${MONTHS[end.month - 1]} ${end.year}`) : undefined);
  if (!start || !end || compareParts(start, end) > 0) return undefined;
  return { display: text, precision: 'range', edtf: `${edtfOf(start)}/${edtfOf(end)}`, start, end };
}
