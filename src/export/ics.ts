// Plan → an iCalendar file (RFC 5545): one event per day with sessions.
import { TZDate } from '@date-fns/tz';
import { addDays } from '../core/dates.js';
import { SYMPTOMS } from '../core/symptoms.js';
import { slugOf } from './slug.js';
import type { Plan, Session, Week } from '../core/types.js';
import { joinPieces, type KeyPart, type Piece, type RenderCache } from './pieces.js';
import { sessionLength } from './sessionLength.js';
import { createRequire } from 'node:module';

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
  /**
   * What makes this athlete's UIDs their own: batch gives the file name's slug, unique in the
   * roster (two Ana Souzas get ana-souza and ana-souza-2); default: the slug of the name.
   */
  uidKey?: string;
  /** Pieces kept across the plans of one batch run (src/export/pieces.ts); none for a single plan. */
  cache?: RenderCache;
}

// Characters RFC 5545 TEXT may not hold, and the bidirectional marks: made spaces in every text.

const TEXT_CONTROL =
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The days that become events: every day with a session that is not rest, unless rest is wanted. */
export function calendarDays(plan: Plan, includeRest = false): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const week of plan.weeks) {
    for (const day of sessionsByDate(week))
      if (includeRest || day.sessions.some((s) => s.kind !== 'rest')) days.push(day);
  }
  return days;
}

/**
 * A week's sessions by date, dates in the order they first appear. The engine lists them by date,
 * so a day's are side by side.
 */
function sessionsByDate(week: Week): CalendarDay[] {
  const days: CalendarDay[] = [];
  let last: CalendarDay | undefined;
  for (const session of week.sessions) {
    if (last?.date === session.date) {
      last.sessions.push(session);
    } else if (last !== undefined && session.date < last.date) {
      return sessionsByDateOutOfOrder(week); // not the engine's order: group them all the same
    } else {
      days.push((last = { week, date: session.date, sessions: [session] }));
    }
  }
  return days;
}

function sessionsByDateOutOfOrder(week: Week): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>();
  for (const session of week.sessions) {
    const day = byDate.get(session.date);
    if (day) day.sessions.push(session);
    else byDate.set(session.date, { week, date: session.date, sessions: [session] });
  }
  return [...byDate.values()];
}

export interface CalendarDay {
  week: Week;
  date: string;
  sessions: Session[];
}

// The zone library reads its zone files at load, a tenth of start-up: only timed calendars need it,
// so it is required then. It stays out of the bundle, as it finds its zone files beside itself.
function getVtimezoneComponent(tz: string): string | null {
  const zones = createRequire(import.meta.url)('@touch4it/ical-timezones') as typeof import('@touch4it/ical-timezones');
  return zones.getVtimezoneComponent(tz);
}

export function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  return getVtimezoneComponent(tz) !== null;
}

/**
 * A zone's one name in the calendar, for its events and its VTIMEZONE block alike (importers match
 * them by name): the block's own TZID, which is the canonical name of an alias (Asia/Calcutta is
 * Asia/Kolkata, UTC is Etc/UTC); where the block's data names it the Windows way ("Nepal Time" for
 * Asia/Katmandu), the Area/City name given, which the block is then written with.
 */
export function canonicalZone(tz: string): string {
  const named = /^TZID:(.+?)\r?$/m.exec(getVtimezoneComponent(tz) ?? '')?.[1];
  return named?.includes('/') ? named : tz;
}

export function renderIcs(plan: Plan, options: IcsOptions): string {
  return renderIcsBytes(plan, options).toString('utf8');
}

export function renderIcsBytes(plan: Plan, options: IcsOptions): Buffer {
  return joinPieces(icsPieces(plan, options));
}

/**
 * The calendar in pieces, in order, for a writer that copies them where it likes. Events share
 * most of their text (a session recurs across days and athletes, a week's notes all week, the
 * safety net everywhere), so those pieces are escaped, folded and encoded once.
 */
export function icsPieces(plan: Plan, options: IcsOptions): Piece[] {
  const out: Piece[] = [];
  const name = escapeText(plan.name ? `backplan: ${clean(plan.name)}` : 'backplan: return-to-running plan');
  const zone = options.time && options.tz ? canonicalZone(options.tz) : null;
  out.push(
    lines(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//backplan//backplan//EN',
      `NAME:${name}`,
      `X-WR-CALNAME:${name}`,
      ...(zone ? [...vtimezone(zone), `TIMEZONE-ID:${zone}`, `X-WR-TIMEZONE:${zone}`] : []),
    ),
  );

  const { cache } = options;
  // DTSTAMP: midnight UTC of the plan's day, so the same plan gives the same bytes.
  const stamp = `DTSTAMP:${plan.today.replaceAll('-', '')}T000000Z\r\n`;
  const key = options.uidKey ?? slugOf(plan.name ?? undefined); // the same athlete and day always give the same UID
  for (const { week, date, sessions } of calendarDays(plan, options.includeRest)) {
    const sequence = options.sequences?.get(date) ?? 0;
    out.push(
      BEGIN_EVENT,
      `${foldLine(`UID:${key}-${date}-day@backplan`)}\r\n`,
      sequence === 0 ? FIRST_SEQUENCE : `SEQUENCE:${sequence}\r\n`,
      stamp,
    );
    if (options.time && zone) out.push(lines(...timedSpan(date, sessions, options.time, zone, options.duration)));
    else out.push(cache?.piece(allDaySpanKey(date), () => allDaySpan(date)) ?? allDaySpan(date));
    const summary = summaryOf(sessions);
    out.push(cache?.piece(summaryKey(summary), () => summaryLine(summary)) ?? summaryLine(summary));
    for (let i = 0; i < sessions.length; i++) {
      const session = sessions[i]!;
      out.push(
        cache?.piece(descriptionKey(session, i === 0), () => describe(session, i === 0)) ?? describe(session, i === 0),
      );
    }
    out.push(cache?.piece(weekTailKey(plan, week), () => weekTail(plan, week)) ?? weekTail(plan, week));
    if (options.alarm !== undefined)
      out.push(
        lines(
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `TRIGGER:${durationBefore(options.alarm * 60)}`,
          `DESCRIPTION:${escapeText(summaryOf(sessions))}`,
          'END:VALARM',
        ),
      );
    out.push(END_EVENT);
  }
  out.push(END_CALENDAR);
  return out;
}

/** Content lines, each folded and ended with CRLF. */
function lines(...contentLines: string[]): string {
  let text = '';
  for (const line of contentLines) text += `${foldLine(line)}\r\n`;
  return text;
}

const BEGIN_EVENT = 'BEGIN:VEVENT\r\n';
const FIRST_SEQUENCE = 'SEQUENCE:0\r\n';
const END_EVENT = 'END:VEVENT\r\n';
const END_CALENDAR = 'END:VCALENDAR'; // the last line has no CRLF after it, as in ical-generator

/** The SUMMARY line: the day's run, or its sessions' titles. */
function summaryLine(summary: string): string {
  return `${foldLine(`SUMMARY:${escapeText(summary)}`)}\r\n`;
}

const summaryKey = (summary: string): KeyPart[] => ['summary', summary];

/**
 * One session's part of the DESCRIPTION: the line's start for the day's first session, a line of
 * its own (after an escaped newline) for the others. RFC 5545 lets a fold fall anywhere, so each
 * part is folded on its own and a line may end early.
 */
function describe(session: Session, first: boolean): string {
  const line = sessionLine(session, ruleList(session));
  return first ? foldLine(`DESCRIPTION:${escapeText(line)}`) : foldContinuation(escapeText(`\n${line}`));
}

/** What a session's part depends on, its rules included. */
function descriptionKey(session: Session, first: boolean): KeyPart[] {
  return ['description', first, session.title, session.minutes, session.details, session.rules.join(' ')];
}

/** The rest of the DESCRIPTION line after the day's sessions: the week's gate, the triage and the safety net. */
function weekTail(plan: Plan, week: Week): string {
  return `${foldContinuation(escapeText(`\n\n${weekNotes(plan, week)}`))}${CALENDAR_SAFETY_NET_FOLDED}\r\n`;
}

/** What weekNotes reads: the week's number and gate, and the triage (its message unless clear). */
function weekTailKey(plan: Plan, week: Week): KeyPart[] {
  const { level, message } = plan.triage;
  return ['week', week.index, week.gate, level, level === 'clear' ? '' : message];
}

/*
 * backplan writes the iCalendar text itself (RFC 5545), in the layout ical-generator 10 gives the
 * same events; a test renders random plans both ways and compares them line by line. Through
 * ical-generator a 1,000-athlete batch spent 1.6 s building event objects, most of its time.
 */

/** The VTIMEZONE block of a zone, as lines. */
function vtimezone(tz: string): string[] {
  return (getVtimezoneComponent(tz) ?? '')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => (/^(?:TZID|X-LIC-LOCATION):/.test(line) ? line.replace(/:.*/, `:${tz}`) : line));
}

/** RFC 5545 §3.3.6 duration, negative: this many seconds before. */
function durationBefore(seconds: number): string {
  if (seconds === 0) return 'PT0S';
  let text = '-P';
  let rest = seconds;
  if (rest >= 86_400) {
    text += `${Math.floor(rest / 86_400)}D`;
    rest %= 86_400;
    if (rest === 0) return text;
  }
  text += 'T';
  if (rest >= 3600) {
    text += `${Math.floor(rest / 3600)}H`;
    rest %= 3600;
  }
  if (rest >= 60) {
    text += `${Math.floor(rest / 60)}M`;
    rest %= 60;
  }
  return rest > 0 ? `${text}${rest}S` : text;
}

/**
 * One content line folded at 75 octets (RFC 5545 §3.1) without splitting a character or an escape
 * such as "\\n": RFC 5545 allows splitting an escape, but some importers (Google Calendar among
 * them) then misread the text, and ical-generator folds anywhere.
 */
function foldLine(line: string): string {
  if (line.length <= 18) return line; // 18 UTF-16 units are at most 72 octets
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line;
  return fold(line, 75);
}

/** More of a folded line: each piece on a continuation line of its own. */
function foldContinuation(text: string): string {
  return `\r\n ${fold(text, 74)}`;
}

/**
 * Text split into pieces of at most `first` octets, then 74 (continuation lines start with a
 * space). Each piece is the longest that fits: its octets are counted natively and trimmed
 * character by character, where counting every character in JavaScript cost a cold start a
 * millisecond. Text with surrogates (emoji and the like) goes unit by unit (foldByUnit).
 */
export function fold(line: string, first: number): string {
  if (SURROGATES.test(line)) return foldByUnit(line, first);
  let out = '';
  let start = 0;
  let limit = first;
  for (;;) {
    let end = Math.min(line.length, start + limit); // every character is at least one octet
    let octets = Buffer.byteLength(line.slice(start, end));
    while (octets > limit) {
      end--;
      octets -= utf8Length(line.charCodeAt(end));
    }
    if (end === line.length) return out + line.slice(start);
    if (splitsEscape(line, start, end)) end--;
    out += `${line.slice(start, end)}\r\n `;
    start = end;
    limit = 74;
  }
}

const SURROGATES = /[\ud800-\udfff]/;

const utf8Length = (code: number): number => (code < 0x80 ? 1 : code < 0x800 ? 2 : 3);

/** Whether a cut at `end` falls inside an escape pair: the backslashes just before it are odd in number. */
function splitsEscape(line: string, start: number, end: number): boolean {
  let backslashes = 0;
  for (let i = end - 1; i >= start && line.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** fold, one unit at a time: an escape pair, a surrogate pair, or one character. */
export function foldByUnit(line: string, first: number): string {
  let out = '';
  let start = 0;
  let octets = 0;
  let limit = first;
  for (let i = 0; i < line.length;) {
    const code = line.charCodeAt(i);
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

/** DTSTART and DTEND of an all-day event, as lines: plain dates, which no host zone can move. */
function allDaySpan(date: string): string {
  return lines(
    `DTSTART;VALUE=DATE:${date.replaceAll('-', '')}`,
    `DTEND;VALUE=DATE:${addDays(date, 1).replaceAll('-', '')}`,
    'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
    'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
  );
}

const allDaySpanKey = (date: string): KeyPart[] => ['all-day', date];

/** DTSTART and DTEND of a timed event: wall-clock times in the zone, the length the day's sessions take. */
function timedSpan(
  date: string,
  sessions: Session[],
  time: string,
  tz: string,
  duration: number | undefined,
): string[] {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = new TZDate(y, m - 1, d, hours, minutes, tz);
  const length =
    duration ??
    Math.max(
      15,
      sessions.reduce((sum, s) => sum + s.minutes, 0),
    );
  const end = new TZDate(start.getTime() + length * 60_000, tz);
  // An end in the hour the clocks go back through twice would be read as the first of the two (RFC
  // 5545 §3.3.5), before the start: then the event says how long it is instead of when it ends.
  const endRead = new TZDate(end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes(), tz);
  const last = endRead.getTime() === end.getTime() ? `DTEND;TZID=${tz}:${wallClock(end)}` : `DURATION:PT${length}M`;
  return [`DTSTART;TZID=${tz}:${wallClock(start)}`, last];
}

/** A zoned date as its local wall-clock time, YYYYMMDDTHHMMSS. */
function wallClock(date: TZDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}T${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** What a day's event says, keyed by date: a change here is what SEQUENCE counts. */
export function eventContents(plan: Plan, includeRest = false): Map<string, string> {
  return new Map(
    calendarDays(plan, includeRest).map(({ week, date, sessions }) => [
      date,
      `${summaryOf(sessions)}\n${descriptionOf(plan, week, sessions)}`,
    ]),
  );
}

function summaryOf(sessions: Session[]): string {
  const run = sessions.find((s) => s.runMinutes > 0);
  if (run) return run.title;
  return sessions.map((s) => s.title).join(' · ');
}

function descriptionOf(plan: Plan, week: Week, sessions: Session[]): string {
  return `${sessionLines(sessions)}\n\n${weekNotes(plan, week)}\n\n${CALENDAR_SAFETY_NET}`;
}

function sessionLines(sessions: Session[]): string {
  return sessions.map((s) => sessionLine(s, ruleList(s))).join('\n');
}

/** A session in the calendar's words: "• title (30 min): details [rules]". */
function sessionLine(session: Session, rules: string): string {
  return `• ${session.title}${session.minutes ? ` (${sessionLength(session)})` : ''}: ${session.details}${rules}`;
}

/** The rules that placed a session, " [R-…, R-…]" (R-WEEK-5: every session names them). */
function ruleList(session: Session): string {
  return session.rules.length > 0 ? ` [${session.rules.join(', ')}]` : '';
}

function weekNotes(plan: Plan, week: Week): string {
  const gate = `Week ${week.index} gate: ${week.gate}`;
  return plan.triage.level === 'clear' ? gate : `${gate}\n\nTriage: ${plan.triage.level}. ${plan.triage.message}`;
}

/**
 * R-SAFE-1 in every event, in the few words a calendar has room for: every emergency and urgent
 * symptom, what to do, and the notice. (The full wording is in the other formats.)
 */
const brief = (level: string) =>
  SYMPTOMS.filter((s) => s.level === level)
    .map((s) => s.short)
    .join(', ');
const CALENDAR_SAFETY_NET =
  `EMERGENCY, go to emergency care today: ${brief('emergency')}.\n` +
  `URGENT, stop running and see a doctor or physical therapist: ${brief('urgent')}.\n` +
  'Not medical advice.';
const CALENDAR_SAFETY_NET_FOLDED = foldContinuation(escapeText(`\n\n${CALENDAR_SAFETY_NET}`));

/**
 * RFC 5545 §3.3.11 TEXT escaping. Control characters, which TEXT may not hold (C1 and the
 * bidirectional marks too, from template files), become spaces; line breaks become \\n.
 */
export function escapeText(text: string): string {
  return text
    .replace(TEXT_CONTROL, ' ')
    .replace(/[\\;,]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** User text for a calendar: no control characters but newlines, which escapeText turns into \\n. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g, ' ').trim();
}
