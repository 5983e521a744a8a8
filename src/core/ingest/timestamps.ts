/** A timestamp as transcripts write it: `h:mm:ss`, `hh:mm:ss.mmm`, `mm:ss`, `m:ss,mmm` (SubRip), `0:0:3.2` (Teams). */
export const TIMESTAMP_SOURCE = String.raw`\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?`;

const WHOLE = new RegExp(`^${TIMESTAMP_SOURCE}$`);

/**
 * Seconds of a timestamp such as `1:02:03`, `02:03`, `00:01:23.450` or
 * `00:01:23,450`; null when `text` is not one (or minutes or seconds pass 59).
 */
export function parseTimestamp(text: string): number | null {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return null;
  const [clock, fraction = ''] = trimmed.split(/[.,]/);
  const parts = clock.split(':').map(Number);
  if (parts.slice(1).some((part) => part > 59)) return null;
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds + (fraction ? Number(`0.${fraction}`) : 0);
}

/** `[hh:mm:ss]` text for a number of seconds (fractions dropped; negative or non-finite input gives `00:00:00`). */
export function formatTimestamp(seconds: number): string {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}
