// Plan → an iCalendar file (RFC 5545) through ical-generator: one event per day with sessions.
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import icalGenerator, { ICalAlarmType, type ICalCalendar, type ICalEventData } from 'ical-generator';
import { addDays } from '../core/dates.js';
import { SYMPTOMS } from '../core/symptoms.js';
import { slugOf } from './slug.js';
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
  /** SEQUENCE per date, for days whose event changed since it was first exported (RFC 5545 §3.8.7.4). */
  sequences?: ReadonlyMap<string, number>;
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

  const stamp = new Date(`${plan.today}T00:00:00Z`);
  const key = slugOf(plan.name ?? undefined); // the same athlete and day always give the same UID
  const descriptions: string[] = [];
  for (const { week, date, sessions } of calendarDays(plan, options.includeRest)) {
    descriptions.push(descriptionOf(plan, week, sessions));
    const event: ICalEventData = {
      id: `${key}-${date}-day@backplan`,
      stamp,
      sequence: options.sequences?.get(date) ?? 0,
      summary: summaryOf(sessions),
      description: `${DESCRIPTION_SLOT}${descriptions.length - 1}`,
      ...timing(date, sessions, options),
    };
    const created = calendar.createEvent(event);
    if (options.alarm !== undefined) {
      created.createAlarm({ type: ICalAlarmType.display, trigger: options.alarm * 60, description: summaryOf(sessions) });
    }
  }
  const lines = assemble(calendar, options.time && options.tz ? options.tz : null).split('\r\n');
  return lines.map((line) => (line.startsWith(SLOT_PREFIX) ? foldedDescription(descriptions[Number(line.slice(SLOT_PREFIX.length))]!) : foldLine(line))).join('\r\n');
}

/**
 * The calendar's text, unfolded (each line is folded once, at the end). ical-generator renders
 * every event and the calendar around them, but calendar.toString() folds the whole file through a new TextEncoder per
 * character, which made a 1,000-athlete batch take minutes. So the events are rendered on their
 * own (unfolded, and before any calendar-wide zone is set: with one, ical-generator writes
 * DTSTAMP in the host's local time where RFC 5545 wants UTC), then placed inside the calendar
 * shell, which carries the VTIMEZONE. The long descriptions go in last, for the same reason.
 */
function assemble(calendar: ICalCalendar, tz: string | null): string {
  const events = calendar.events().map((event) => event.toString()).join('');
  calendar.clear();
  if (tz) calendar.timezone({ name: tz, generator: getVtimezoneComponent });
  const shell = calendar.toString().replace(/\r\n /g, ''); // unfolded, like the events
  const end = shell.lastIndexOf('END:VCALENDAR');
  return shell.slice(0, end) + events + shell.slice(end);
}

const DESCRIPTION_SLOT = 'BACKPLANDESCRIPTION';
const SLOT_PREFIX = `DESCRIPTION:${DESCRIPTION_SLOT}`;

/**
 * A DESCRIPTION line, escaped and folded. Descriptions repeat across days and athletes (the
 * safety net is in every one), so a batch folds each distinct text once.
 */
const descriptionCache = new Map<string, string>();
function foldedDescription(description: string): string {
  let folded = descriptionCache.get(description);
  if (folded === undefined) {
    folded = foldLine(`DESCRIPTION:${escapeText(description)}`);
    if (descriptionCache.size > 10_000) descriptionCache.clear();
    descriptionCache.set(description, folded);
  }
  return folded;
}

/**
 * One content line folded at 75 octets (RFC 5545 §3.1) without splitting a character or an escape
 * such as "\\n": RFC 5545 allows splitting an escape, but some importers (Google Calendar among
 * them) then misread the text, and ical-generator folds anywhere.
 */
function foldLine(line: string): string {
  if (line.length <= 18) return line; // 18 UTF-16 units are at most 72 octets
  let out = '';
  let start = 0;
  let octets = 0;
  let limit = 75; // continuation lines start with a space, so they hold 74
  for (let i = 0; i < line.length; ) {
    const code = line.charCodeAt(i);
    // One unit that must stay whole: an escape pair ("\\n", "\\,"), a surrogate pair, or one character.
    const width = code === 0x5c || (code >= 0xd800 && code <= 0xdbff) ? 2 : 1;
    const size = code === 0x5c ? 2 : code < 0x80 ? 1 : code < 0x800 ? 2 : width === 2 ? 4 : 3;
    if (octets + size > limit) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 0;
      limit = 74;
    }
    octets += size;
    i += width;
  }
  return out + line.slice(start);
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

/** What a day's event says, keyed by date: a change here is what SEQUENCE counts. */
export function eventContents(plan: Plan, includeRest = false): Map<string, string> {
  return new Map(calendarDays(plan, includeRest).map(({ week, date, sessions }) => [date, `${summaryOf(sessions)}\n${descriptionOf(plan, week, sessions)}`]));
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
  lines.push('', CALENDAR_SAFETY_NET);
  return lines.join('\n');
}

/**
 * R-SAFE-1 in every event, in the few words a calendar has room for: every emergency and urgent
 * symptom, what to do, and the notice. (The full wording is in the other formats.)
 */
const brief = (level: string) => SYMPTOMS.filter((s) => s.level === level).map((s) => s.short).join(', ');
const CALENDAR_SAFETY_NET =
  `EMERGENCY, go to emergency care today: ${brief('emergency')}.\n` +
  `URGENT, stop running and see a doctor or physical therapist: ${brief('urgent')}.\n` +
  'Not medical advice.';

/** RFC 5545 §3.3.11 TEXT escaping, for the one property ical-generator leaves raw. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** User text for a calendar: no control characters but newlines, which ical-generator escapes with , ; and \. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g, ' ').trim();
}
