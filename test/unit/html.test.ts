// The HTML plan and report: valid HTML with nothing to run or fetch, everything the Markdown holds,
// a withheld plan that says so first and has nothing to tick, and the same bytes every time.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replan } from '../../src/core/replay.js';
import type { Plan } from '../../src/core/types.js';
import { renderHtml } from '../../src/export/html.js';
import { renderHtmlReport } from '../../src/export/htmlReport.js';
import { statusView } from '../../src/export/progress.js';
import { weekHeading } from '../../src/export/text.js';
import { intake, makePlan, templates } from '../helpers.js';
import { attr, byClass, byTag, elements, parseHtml, textOf, type Element } from '../html.js';

const TYPICAL = { pain: 2, weekly: 0, goalWeekly: 30, units: 'km' as const };

function planPage(plan: Plan) {
  const html = renderHtml(plan, { exercises: templates.exercises });
  return { html, ...parseHtml(html) };
}

function reportPage(name?: string, note?: string) {
  const runner = intake({ ...TYPICAL, name, start: '2026-11-23' });
  const log = [
    { date: '2026-11-23', completed: 'yes' as const, painBefore: 1, painDuring: 2, painAfter: 1, nextMorning: 1, note },
    { date: '2026-11-25', completed: 'yes' as const, painBefore: 1, painDuring: 3, painAfter: 2, nextMorning: 2 },
  ];
  const { plan, progress } = replan(runner, log, templates, '2026-11-27');
  const html = renderHtmlReport({
    view: statusView(plan, progress, templates.rules),
    plan,
    intake: runner,
    sessions: progress.sessions,
  });
  return { html, plan, ...parseHtml(html) };
}

/** Nothing in the page can run, load or send anything. */
function expectInert(html: string): void {
  const { root } = parseHtml(html);
  const all = elements(root);
  const tags = new Set(all.map((e) => e.tagName));
  for (const tag of [
    'script',
    'img',
    'iframe',
    'object',
    'embed',
    'link',
    'base',
    'form',
    'input',
    'audio',
    'video',
    'foreignObject',
  ])
    expect(tags).not.toContain(tag);
  for (const element of all) {
    for (const { name } of element.attrs) {
      expect(name, `<${element.tagName} ${name}>`).not.toMatch(
        /^on|^(src|href|srcset|action|formaction|style|xlink:href|background|poster)$/i,
      );
    }
  }
  expect(byTag(root, 'style')).toHaveLength(1);
}

function csp(root: ReturnType<typeof parseHtml>['root']): string {
  const metas = byTag(root, 'meta').filter((m) => attr(m, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  expect(metas).toHaveLength(1);
  return attr(metas[0]!, 'content')!;
}

describe('the HTML plan', () => {
  const plan = makePlan(TYPICAL);
  const { html, errors, root } = planPage(plan);

  it('is valid HTML with no parse errors, and inert', () => {
    expect(errors).toEqual([]);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expectInert(html);
  });

  it('allows nothing but its own stylesheet, by hash', () => {
    const policy = csp(root);
    const style = (byTag(root, 'style')[0]!.childNodes[0] as { value: string }).value;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(policy).toBe(`default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
  });

  it('holds the triage, the safety net, the notes and the notice', () => {
    expect(textOf(byTag(root, 'h2')[0]!)).toBe('Triage: clear');
    const net = textOf(byClass(root, 'safety')[0]!);
    for (const item of [
      ...plan.safetyNet.emergency,
      ...plan.safetyNet.urgent,
      plan.safetyNet.emergencyAction,
      plan.safetyNet.urgentAction,
    ])
      expect(net).toContain(item);
    for (const note of plan.notes) expect(textOf(byClass(root, 'notes')[0]!)).toContain(note);
    expect(textOf(byClass(root, 'notice')[0]!)).toBe(plan.notice);
  });

  it("holds each week's heading, gate and why, and each session with its rules and a box to tick", () => {
    const weeks = byClass(root, 'week');
    expect(weeks).toHaveLength(8);
    plan.weeks.forEach((week, i) => {
      const section = weeks[i]!;
      expect(textOf(byTag(section, 'h2')[0]!)).toBe(weekHeading(week));
      expect(textOf(byClass(section, 'gate')[0]!)).toBe(`Gate: ${week.gate}`);
      expect(textOf(byClass(section, 'why')[0]!)).toBe(week.why);
      const items = byClass(section, 'session');
      expect(items).toHaveLength(week.sessions.length);
      week.sessions.forEach((session, j) => {
        const item = items[j]!;
        expect(textOf(byClass(item, 'title')[0]!)).toBe(session.title);
        expect(textOf(byClass(item, 'details')[0]!)).toBe(session.details);
        expect(byClass(item, 'box')).toHaveLength(1);
        if (session.runMinutes > 0)
          expect(textOf(byClass(item, 'rules')[0]!)).toBe(`Rules: ${session.rules.join(', ')}`);
      });
    });
  });

  it('on paper, every week with a run says the stop rule beside its runs (R-WEEK-2), not week 1 alone', () => {
    const weeks = byClass(root, 'week');
    plan.weeks.forEach((week, i) => {
      if (week.sessions.every((s) => s.runMinutes === 0)) return;
      const printed = byClass(weeks[i]!, 'how').map(textOf).join(' ');
      expect(printed).toMatch(/Stop the run if pain reaches 3\/10 or builds as you go, and log it\./);
    });
  });

  it('ends with the instructions of every exercise the plan uses', () => {
    const glossary = byClass(root, 'glossary')[0]!;
    const titles = byTag(glossary, 'h3').map(textOf);
    const used = new Set(plan.weeks.flatMap((w) => w.sessions.map((s) => s.title)));
    const expected = Object.values(templates.exercises).filter((e) => used.has(e.title) && e.kind !== 'rest');
    expect(titles).toEqual(expected.map((e) => e.title));
    for (const exercise of expected) for (const step of exercise.steps ?? []) expect(textOf(glossary)).toContain(step);
  });

  it('the same inputs give the same bytes', () => {
    expect(planPage(makePlan(TYPICAL)).html).toBe(html);
  });

  it("a logged session shows what became of it, and a done run's box is ticked", () => {
    const { plan: logged } = replan(
      intake({ ...TYPICAL, start: '2026-11-23' }),
      [{ date: '2026-11-23', completed: 'yes', painDuring: 1 }],
      templates,
      '2026-11-24',
    );
    const page = planPage(logged);
    const first = byClass(page.root, 'session').find((e) => textOf(e).startsWith('Walk/run'))!;
    expect(byClass(first, 'box')[0]!.attrs.find((a) => a.name === 'class')!.value).toBe('box done');
    expect(textOf(byClass(first, 'status')[0]!)).toBe('(done)');
    expect(textOf(byClass(first, 'logged')[0]!)).toMatch(/^Logged: done · .*clean$/);
  });
});

describe('a withheld plan', () => {
  it.each([
    ['fever', 'No running in this plan'],
    ['saddle-numbness', 'No plan: get emergency care today'],
  ])('%s: says so first, and has nothing to tick', (symptom, heading) => {
    const plan = makePlan({ ...TYPICAL, symptoms: [symptom] });
    const { errors, root } = planPage(plan);
    expect(errors).toEqual([]);
    const main = byTag(root, 'main')[0]!;
    const sections = main.childNodes.filter((n): n is Element => 'tagName' in n && n.tagName !== 'header');
    expect(attr(sections[0]!, 'id')).toBe('withheld');
    expect(textOf(byTag(sections[0]!, 'h2')[0]!)).toBe(heading);
    expect(textOf(sections[0]!)).toContain(plan.triage.message);
    expect(byClass(root, 'box')).toHaveLength(0);
    expect(byClass(root, 'safety')).toHaveLength(1);
  });
});

describe('hostile text', () => {
  const NAME = 'Ana <script>alert(1)</script> "><img src=x onerror=alert(1)> \u202eevil\u2066 </style><!--';

  it('a name and a note are escaped, isolated, and stripped of direction overrides', () => {
    const plan = makePlan({ ...TYPICAL, name: NAME });
    const { html, errors, root } = planPage(plan);
    expect(errors).toEqual([]);
    expectInert(html);
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const h1 = byTag(root, 'h1')[0]!;
    expect(textOf(byTag(h1, 'bdi')[0]!)).toBe(
      'Ana <script>alert(1)</script> "><img src=x onerror=alert(1)> evil </style><!--',
    );
    expect(textOf(byTag(root, 'title')[0]!)).toBe(
      'Return-to-running plan: Ana <script>alert(1)</script> "><img src=x onerror=alert(1)> evil </style><!--',
    );

    const report = reportPage(NAME, NAME);
    expect(report.errors).toEqual([]);
    expectInert(report.html);
    expect(report.html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const note = elements(report.root).find((e) => attr(e, 'data-label') === 'Note')!;
    expect(textOf(note)).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('the HTML report', () => {
  const { html, errors, root, plan } = reportPage('Ana');

  it('is valid, inert, with both charts inline and the safety net', () => {
    expect(errors).toEqual([]);
    expectInert(html);
    csp(root);
    const svgs = byTag(root, 'svg');
    expect(svgs.map((s) => textOf(byTag(s, 'title')[0]!))).toEqual([
      'Logged back pain over time',
      'Weekly running minutes against the 10% cap',
    ]);
    const net = textOf(byClass(root, 'safety')[0]!);
    for (const item of [...plan.safetyNet.emergency, ...plan.safetyNet.urgent]) expect(net).toContain(item);
    expect(textOf(byClass(root, 'notice')[0]!)).toBe(plan.notice);
  });

  it('holds the check-in log, each entry with its decision', () => {
    const log = byClass(root, 'log')[0]!;
    const decisions = byClass(log, 'decision').map(textOf);
    expect(decisions).toHaveLength(2);
    expect(decisions[1]).toMatch(/Hold at walk\/run level 1.*R-PAIN-3/);
  });

  it('the same inputs give the same bytes', () => {
    expect(reportPage('Ana').html).toBe(html);
  });
});
