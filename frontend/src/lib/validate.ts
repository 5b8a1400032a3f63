// Checks of form input shared by the features (the server checks again; these only give a message early).

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A time of day written HH:MM, 00:00 to 23:59. */
export function isClockTime(text: string): boolean {
  return CLOCK.test(text);
}

/** A calendar day written YYYY-MM-DD that exists (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** The number a form field holds, or null when it is empty or not a finite number. */
export function numberIn(text: string): number | null {
  if (!text.trim()) return null;
  const value = Number(text.trim());
  return Number.isFinite(value) ? value : null;
}
