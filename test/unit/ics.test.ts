// The ICS export, parsed back with ical.js as a calendar client would.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarDays, fold, foldByUnit, renderIcs } from '../../src/export/ics.js';
import { makePlan } from '../helpers.js';

// Calendar apps read these as TEXT; ical.js needs telling, or it returns them still escaped.
const properties = ICAL.design.defaultSet.property as Record<string, { defaultType: string }>;
properties['x-wr-calname'] = { defaultType: 'text' };
properties['name'] = { defaultType: 'text' };

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = calendar.getAllSubcomponents('vevent').map((v) => ({ component: v, event: new ICAL.Event(v) }));
  return { calendar, events };
}

describe('all-day events (the default)', () => {
  const plan = makePlan({ name: 'Sam', weeks: 2 });
  const text = renderIcs(plan, {});
  const { calendar, events } = parse(text);

  it('one event per day with sessions, rest days left out', () => {
    const restDays =
      plan.weeks.flatMap((w) => [...new Set(w.sessions.map((s) => s.date))]).length - calendarDays(plan).length;
    expect(restDays).toBe(2); // the rest-or-yoga day of each week
    expect(events).toHaveLength(14 - restDays);
    expect(parse(renderIcs(plan, { includeRest: true })).events).toHaveLength(14);
  });

  it("groups a day's sessions into one event, in the engine's order or any other", () => {
    const byMap = (sessions: (typeof plan.weeks)[number]['sessions']) => {
      const days = new Map<string, string[]>();
      for (const s of sessions) days.set(s.date, [...(days.get(s.date) ?? []), s.title]);
      return [...days].map(([date, titles]) => ({ date, titles }));
    };
    const grouped = (p: typeof plan) =>
      calendarDays(p, true).map((d) => ({ date: d.date, titles: d.sessions.map((s) => s.title) }));
    expect(grouped(plan)).toEqual(plan.weeks.flatMap((w) => byMap(w.sessions)));
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1 }), (order) => {
        const weeks = plan.weeks.map((w) => {
          const keyed = w.sessions.map((s, i) => ({ s, k: order[i % order.length]! + i / 100 }));
          return { ...w, sessions: keyed.sort((a, b) => a.k - b.k).map(({ s }) => s) };
        });
        const shuffled = { ...plan, weeks };
        expect(grouped(shuffled)).toEqual(weeks.flatMap((w) => byMap(w.sessions)));
      }),
    );
  });

  it('DTSTART is a DATE and DTEND the next day', () => {
    const first = events[0]!;
    expect(text).toMatch(/^DTSTART;VALUE=DATE:20261123\r$/m);
    expect(text).toMatch(/^DTEND;VALUE=DATE:20261124\r$/m);
    expect(first.event.startDate.isDate).toBe(true);
    expect(first.event.startDate.toString()).toBe('2026-11-23');
    expect(first.event.endDate.toString()).toBe('2026-11-24');
  });

  it('SUMMARY is the run when there is one, DESCRIPTION holds details, gate, rules and the safety net', () => {
    const run = events.find((e) => e.event.summary.startsWith('Walk/run'))!;
    expect(run.event.summary).toBe('Walk/run L1 · 1 min jog / 2 min walk × 5');
    expect(run.event.description).toMatch(/Walk 5 min to warm up/);
    expect(run.event.description).toMatch(/gate: Run only on days when pain at rest is below 3\/10/);
    expect(run.event.description).toMatch(/R-PROG-1, R-PROG-2/);
    // R-SAFE-1: every emergency and urgent symptom, what to do, and the notice.
    expect(run.event.description).toMatch(
      /EMERGENCY, go to emergency care today: bladder or bowel trouble, numbness in the groin or buttocks, weak legs, pain or tingling in both legs\./,
    );
    expect(run.event.description).toMatch(
      /URGENT, stop running and see a doctor or physical therapist: night pain rest does not ease, pain shooting down a leg, .*no better after 4 weeks\./,
    );
    expect(run.event.description).toMatch(/Not medical advice\./);
  });

  it('UIDs are unique, and stable across runs; DTSTAMP comes from --today', () => {
    const uids = events.map((e) => e.event.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids[0]).toBe('sam-2026-11-23-day@backplan');
    expect(renderIcs(makePlan({ name: 'Sam', weeks: 2 }), {})).toBe(text);
    expect(text).toMatch(/^DTSTAMP:20261122T000000Z\r$/m);
  });

  it('X-WR-CALNAME names the plan', () => {
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('backplan: Sam');
  });

  it('re-generating after a change keeps the UIDs of the same days', () => {
    const later = parse(renderIcs(makePlan({ name: 'Sam', weeks: 3 }), {})).events.map((e) => e.event.uid);
    for (const e of events) expect(later).toContain(e.event.uid);
  });
});

describe('text that could break a calendar', () => {
  it('lines are folded at 75 octets and multi-byte text survives intact', () => {
    const name = 'Zoë Ñandú 🏃‍♀️ 日本語のランナー '.repeat(4).trim();
    const text = renderIcs(makePlan({ name, weeks: 1 }), {});
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/\uFFFD/);
    expect(parse(text).calendar.getFirstPropertyValue('x-wr-calname')).toBe(`backplan: ${name}`);
  });

  it('a fold never splits an escape such as \\n or a character', () => {
    const text = renderIcs(makePlan({ name: 'Ünïcødé 🏃 runner', weeks: 2 }), {});
    const raw = text.split('\r\n');
    raw.forEach((line, i) => {
      if (raw[i + 1]?.startsWith(' ')) {
        expect(line.match(/\\+$/)?.[0].length ?? 0).toSatisfy((n: number) => n % 2 === 0);
        expect(line).not.toMatch(/[\uD800-\uDBFF]$/);
      }
    });
    expect(raw.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('the fast fold cuts exactly where the unit-by-unit fold does', () => {
    const pieces = ['a', 'é', '•', '·', '\\n', '\\,', '\\\\', ' ', 'Z', '中'];
    const text = fc
      .array(fc.constantFrom(...pieces), { minLength: 30, maxLength: 300, size: 'max' })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(75, 60, 74), (line, first) => {
        expect(fold(line, first)).toBe(foldByUnit(line, first));
      }),
      { numRuns: 3000 },
    );
  });

  it(', ; \\ and newlines in a name are escaped, and cannot start a new property or event', () => {
    const name = 'Ann, B; C\\D\nEND:VEVENT\nBEGIN:VEVENT';
    const text = renderIcs(makePlan({ name, weeks: 1 }), {});
    expect(text).toContain('X-WR-CALNAME:backplan: Ann\\, B\\; C\\\\D\\nEND:VEVENT\\nBEGIN:VEVENT');
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`backplan: ${name}`);
    expect(events).toHaveLength(6);
  });

  it('control characters other than newlines are dropped', () => {
    const text = renderIcs(makePlan({ name: 'Eve\u001b[2J\u0007', weeks: 1 }), {});
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('timed events', () => {
  it('--time and --tz give timed events with a VTIMEZONE, and DST is respected', () => {
    // Europe/Berlin moves to summer time on 28 March 2027.
    const plan = makePlan({ start: '2027-03-22', weeks: 2 }, '2027-03-20');
    const text = renderIcs(plan, { time: '07:00', tz: 'Europe/Berlin' });
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin/);
    expect(text.match(/^DTSTAMP:.*$/gm)!.every((l) => l === 'DTSTAMP:20270320T000000Z')).toBe(true); // UTC, always
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Berlin:20270322T070000\r$/m);
    const { events } = parse(text);
    const utc = (date: string) =>
      events
        .find((e) => e.event.startDate.toString().startsWith(date))!
        .event.startDate.toJSDate()
        .toISOString();
    expect(utc('2027-03-22')).toBe('2027-03-22T06:00:00.000Z');
    expect(utc('2027-03-29')).toBe('2027-03-29T05:00:00.000Z');
  });

  it('the duration defaults to the day’s sessions, and --duration overrides it', () => {
    const plan = makePlan({ weeks: 1 });
    const first = (options: Parameters<typeof renderIcs>[1]) => parse(renderIcs(plan, options)).events[0]!.event;
    const dayMinutes = plan.weeks[0]!.sessions.filter((s) => s.date === '2026-11-23').reduce(
      (sum, s) => sum + s.minutes,
      0,
    );
    expect(first({ time: '18:30', tz: 'America/New_York' }).duration.toSeconds()).toBe(dayMinutes * 60);
    expect(first({ time: '18:30', tz: 'America/New_York', duration: 45 }).duration.toSeconds()).toBe(45 * 60);
  });

  it('--alarm adds a VALARM that many minutes before', () => {
    const text = renderIcs(makePlan({ weeks: 1 }), { alarm: 30 });
    const { events } = parse(text);
    for (const { component } of events) {
      const alarm = component.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT30M');
    }
    expect(renderIcs(makePlan({ weeks: 1 }), {})).not.toMatch(/VALARM/);
  });
});
