// Dates, numbers and counts as the interface prints them. Dates arrive from Rust as
// "YYYY-MM-DD" calendar dates with no time zone; they are formatted in UTC so that no zone
// can shift them by a day.

function parts(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function formatDate(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(parts(iso));
}

export function formatRange(start: string, end: string, locale?: string): string {
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return fmt.formatRange(parts(start), parts(end));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parts(to).getTime() - parts(from).getTime()) / 86_400_000);
}

/** A phrase for where a plan's period stands relative to today. */
export function periodPhrase(start: string, end: string, today: string): string {
  if (daysBetween(today, start) > 0) {
    const n = daysBetween(today, start);
    return n === 1 ? "starts tomorrow" : `starts in ${n} days`;
  }
  const left = daysBetween(today, end);
  if (left < 0) return "ended";
  if (left === 0) return "last day today";
  return left === 1 ? "1 day left" : `${left} days left`;
}

/** 12 → "12", 12.5 → "12.5", 12.345 → "12.35" (the way Rust prints them too). */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** "1 milestone", "3 milestones". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
