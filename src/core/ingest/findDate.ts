const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\.?,?\s+(\d{4})\b`, 'gi');
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'gi');

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().slice(0, 3))) + 1;
}

/**
 * The first calendar date written in `text` as `2024-03-05`, `5 March 2024` or
 * `March 5, 2024` (English month names, full or short), as `YYYY-MM-DD`; null
 * when there is none or it is not a real day. Numeric forms such as `05/03/2024`
 * are ambiguous and not read.
 */
export function findDate(text: string): string | null {
  const candidates: { index: number; date: string | null }[] = [];
  for (const match of text.matchAll(ISO)) candidates.push({ index: match.index, date: isoDate(Number(match[1]), Number(match[2]), Number(match[3])) });
  for (const match of text.matchAll(DAY_MONTH_YEAR)) candidates.push({ index: match.index, date: isoDate(Number(match[3]), monthNumber(match[2]), Number(match[1])) });
  for (const match of text.matchAll(MONTH_DAY_YEAR)) candidates.push({ index: match.index, date: isoDate(Number(match[3]), monthNumber(match[1]), Number(match[2])) });
  const found = candidates.filter((candidate) => candidate.date !== null).sort((a, b) => a.index - b.index);
  return found[0]?.date ?? null;
}
