/** How long "resetting…" is shown after the reset instant before it counts as passed. */
export const RESETTING_MS = 60_000;

export const COUNTDOWN_STATES = ['counting', 'resetting', 'passed'] as const;
export type CountdownState = (typeof COUNTDOWN_STATES)[number];

export interface Countdown {
  readonly state: CountdownState;
  /** Milliseconds until the reset; 0 once it is reached (never negative). */
  readonly remainingMs: number;
  /** Milliseconds since the reset; 0 before it. */
  readonly sinceMs: number;
}

/**
 * The countdown to a wall-clock instant, recomputed from `now` on every tick (so it is right after the tab
 * slept). Example: toCountdown(1_000, 400) -> { state: 'counting', remainingMs: 600, sinceMs: 0 }
 */
export function toCountdown(resetAt: number, now: number): Countdown {
  const remainingMs = Math.max(0, resetAt - now);
  const sinceMs = Math.max(0, now - resetAt);
  const state: CountdownState = remainingMs > 0 ? 'counting' : sinceMs < RESETTING_MS ? 'resetting' : 'passed';
  return { state, remainingMs, sinceMs };
}

const DAY_MS = 86_400_000;

/** A reset known by its day only (E12): before that day (with the days to go), on it, or after it. */
export interface DayCountdown {
  readonly state: 'before' | 'today' | 'passed';
  /** Whole days until the day starts (1 on the day before it); 0 on or after it. */
  readonly daysLeft: number;
}

/**
 * No second-precision countdown where the time of day is unknown: `dayStart` is the day's first instant in the
 * zone the stamp was read in. toDayCountdown(dayStart, dayStart - 30 * 3_600_000) -> { state: 'before', daysLeft: 2 }
 */
export function toDayCountdown(dayStart: number, now: number): DayCountdown {
  if (now < dayStart) return { state: 'before', daysLeft: Math.ceil((dayStart - now) / DAY_MS) };
  return { state: now < dayStart + DAY_MS ? 'today' : 'passed', daysLeft: 0 };
}

/**
 * Whether a reset is still to come at `now`: its instant, or for one written as a day only (E12), the end of its day
 * (its hour is not known). The resets panel lists these first and the page's Now line waits for them.
 * isResetAhead({ resetAt: dayStart, dateOnly: true }, dayStart + 3_600_000) -> true
 */
export function isResetAhead(reset: { readonly resetAt: number; readonly dateOnly: boolean }, now: number): boolean {
  return reset.dateOnly ? toDayCountdown(reset.resetAt, now).state !== 'passed' : reset.resetAt > now;
}

/** Announce thresholds: a screen reader hears the countdown when it crosses one, not every second. */
const THRESHOLDS_MS = [24 * 3_600_000, 3_600_000, 30 * 60_000, 10 * 60_000, 5 * 60_000, 60_000, 0] as const;

/** The threshold bucket a remaining time falls in; it changes only at the thresholds. */
export function announcementStep(remainingMs: number): number {
  return THRESHOLDS_MS.filter((threshold) => remainingMs <= threshold).length;
}

const ANNOUNCEMENTS = [
  'more than a day left',
  'less than a day left',
  'less than an hour left',
  'less than 30 minutes left',
  'less than 10 minutes left',
  'less than 5 minutes left',
  'less than a minute left',
  'resetting now',
] as const;

/** What a screen reader hears: changes only when a threshold is crossed. announcementText(45 * 60_000) -> 'less than an hour left' */
export function announcementText(remainingMs: number): string {
  return ANNOUNCEMENTS[announcementStep(remainingMs)] ?? 'resetting now';
}

/**
 * An iCalendar event for a reset, so it can sit in the user's calendar. Text is escaped per RFC 5545.
 * Example: toIcsEvent({ resetAt, title: 'Z.ai 5-hour quota resets', ... }) -> 'BEGIN:VCALENDAR\r\n...'
 */
export function toIcsEvent(input: { resetAt: number; title: string; description: string; uid: string; now: number }): string {
  const stamp = (t: number) => new Date(t).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const escape = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Quotalens//Quota resets//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${escape(input.uid)}`,
    `DTSTAMP:${stamp(input.now)}`,
    `DTSTART:${stamp(input.resetAt)}`,
    `DTEND:${stamp(input.resetAt + 15 * 60_000)}`,
    `SUMMARY:${escape(input.title)}`,
    `DESCRIPTION:${escape(input.description)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escape(input.title)}`,
    'TRIGGER:PT0S',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
