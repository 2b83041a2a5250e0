// Plan → an iCalendar file (RFC 5545) through ical-generator: one event per day with sessions.
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import icalGenerator, { ICalAlarmType, type ICalEventData } from 'ical-generator';
import { addDays } from '../core/dates.js';
import type { Plan, Session, Week } from '../core/types.js';

export interface IcsOptions {
  /** Also put rest days in the calendar. */
  includeRest?: boolean;
  /** Timed events at this wall-clock time ("HH:MM") in `tz`; all-day events otherwise. */
  time?: string;
  tz?: string;
  /** Minutes per timed event; default: the day's sessions added up. */
  duration?: number;
  /** Minutes before each event for a reminder. */
  alarm?: number;
}

/** A stable, file-name-safe identity for UIDs: the same athlete and day always give the same UID. */
export function athleteKey(name: string | null): string {
  const slug = (name ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug || 'athlete';
}

/** The days that become events: every day with a session that is not rest, unless rest is wanted. */
export function calendarDays(plan: Plan, includeRest = false): { week: Week; date: string; sessions: Session[] }[] {
  return plan.weeks.flatMap((week) => {
    const byDate = new Map<string, Session[]>();
    for (const s of week.sessions) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
    return [...byDate].filter(([, sessions]) => includeRest || sessions.some((s) => s.kind !== 'rest')).map(([date, sessions]) => ({ week, date, sessions }));
  });
}

export function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  return getVtimezoneComponent(tz) !== null;
}

export function renderIcs(plan: Plan, options: IcsOptions): string {
  const calendar = icalGenerator({
    // ical-generator 10 writes NAME and X-WR-CALNAME as given, unescaped, so escape them here.
    name: escapeText(plan.name ? `backplan: ${clean(plan.name)}` : 'backplan: return-to-running plan'),
    prodId: { company: 'backplan', product: 'backplan', language: 'EN' },
  });
  // VTIMEZONE for the events' zone, but no calendar-wide zone: with one, ical-generator writes DTSTAMP
  // in local time from the host's clock zone, where RFC 5545 wants UTC.
  if (options.time && options.tz) calendar.timezone({ name: null, generator: getVtimezoneComponent });

  const stamp = new Date(`${plan.today}T00:00:00Z`);
  const key = athleteKey(plan.name);
  for (const { week, date, sessions } of calendarDays(plan, options.includeRest)) {
    const event: ICalEventData = {
      id: `${key}-${date}-day@backplan`,
      stamp,
      summary: summaryOf(sessions),
      description: descriptionOf(plan, week, sessions),
      ...timing(date, sessions, options),
    };
    const created = calendar.createEvent(event);
    if (options.alarm !== undefined) {
      created.createAlarm({ type: ICalAlarmType.display, trigger: options.alarm * 60, description: summaryOf(sessions) });
    }
  }
  return refold(calendar.toString());
}

/**
 * Lines folded at 75 octets (RFC 5545 §3.1) without splitting a character or an escape such as
 * "\\n": RFC 5545 allows splitting an escape, but some importers (Google Calendar among them)
 * then misread the text. ical-generator folds anywhere, so its lines are unfolded and folded again.
 */
export function refold(ics: string): string {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  return lines.map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  const units = line.match(/\\.|[\s\S]/gu) ?? []; // an escape pair, or one code point
  for (const unit of units) {
    const size = Buffer.byteLength(unit);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += unit;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function timing(date: string, sessions: Session[], options: IcsOptions): Pick<ICalEventData, 'start' | 'end' | 'allDay' | 'timezone'> {
  if (!options.time || !options.tz) {
    // Plain date strings are read as UTC midnight and written back as the same date: no host zone
    // can move an all-day event to another day.
    return { start: date, end: addDays(date, 1), allDay: true };
  }
  const [hours, minutes] = options.time.split(':').map(Number) as [number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = new TZDate(y, m - 1, d, hours, minutes, options.tz);
  const length = options.duration ?? Math.max(15, sessions.reduce((sum, s) => sum + s.minutes, 0));
  const end = new TZDate(start.getTime() + length * 60_000, options.tz);
  return { start, end, timezone: options.tz };
}

function summaryOf(sessions: Session[]): string {
  const run = sessions.find((s) => s.runMinutes > 0);
  if (run) return run.title;
  return sessions.map((s) => s.title).join(' · ');
}

function descriptionOf(plan: Plan, week: Week, sessions: Session[]): string {
  const lines = sessions.map((s) => `• ${s.title}${s.minutes ? ` (${s.minutes} min)` : ''}: ${s.details}${s.runMinutes > 0 ? ` [${s.rules.join(', ')}]` : ''}`);
  lines.push('', `Week ${week.index} gate: ${week.gate}`);
  if (plan.triage.level !== 'clear') lines.push('', `Triage: ${plan.triage.level}. ${plan.triage.message}`);
  const net = plan.safetyNet;
  lines.push(
    '',
    `EMERGENCY, go today: ${net.emergency.join('; ')}. ${net.emergencyAction}`,
    `URGENT, stop running: ${net.urgent.join('; ')}. ${net.urgentAction}`,
    '',
    plan.notice,
  );
  return lines.join('\n');
}

/** RFC 5545 §3.3.11 TEXT escaping, for the one property ical-generator leaves raw. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** User text for a calendar: no control characters but newlines, which ical-generator escapes with , ; and \. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g, ' ').trim();
}
