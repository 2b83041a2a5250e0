// Issue 22's plan texts: every change of phase says why, and the Markdown lists each exercise once.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/export/markdown.js';
import { shortTitle } from '../../src/export/text.js';
import { makePlan, templates } from '../helpers.js';

describe('every change of phase says why in the week', () => {
  const plans = [
    makePlan({ goalWeekly: 90, weeks: 12 }), // walk/run, then continuous from week 8
    makePlan({ goalWeekly: 200, weeks: 16 }), // … then rebuild
    makePlan({ pain: 4, goalWeekly: 90, weeks: 4 }), // settle, then walk/run
    makePlan({ weekly: 60, runsPerWeek: 3, longestRun: 20, goalWeekly: 200, weeks: 12 }), // continuous, then rebuild
  ];

  it('a week whose phase differs from the week before starts its "why" with the new phase and the reason', () => {
    let changes = 0;
    for (const plan of plans) {
      plan.weeks.forEach((week, i) => {
        const before = plan.weeks[i - 1];
        if (!before || before.phase === week.phase || week.phase === 'settle' || week.phase === 'maintain') return;
        changes++;
        const phase = { 'walk-run': 'walk\\/run', continuous: 'continuous running', rebuild: 'rebuild' }[week.phase];
        expect(week.why, `week ${week.index}: ${before.phase} → ${week.phase}`).toMatch(
          new RegExp(`^New phase, ${phase}[ :]`),
        );
      });
    }
    expect(changes).toBeGreaterThanOrEqual(4);
  });

  it('week 8 of a walk/run plan says why 2 × 15 min at level 7 became 20 min without a break', () => {
    const week8 = plans[0]!.weeks[7]!;
    expect(week8.phase).toBe('continuous');
    expect(week8.why).toMatch(
      /^New phase, continuous running: level 7 \(2 × 15 min with walk breaks\) is done, and the ladder's next step is 20 min without a break\. Running without breaks loads the back more/,
    );
  });

  it('a goal reached and a settle week say why in their own words', () => {
    for (const plan of plans) {
      for (const week of plan.weeks) {
        if (week.phase === 'maintain') expect(week.why).toMatch(/goal .* is reached/);
        if (week.phase === 'settle') expect(week.why).toMatch(/\(R-PAIN-1\)|\(R-WEEK-4\)|\(R-PAIN-5\)|\(R-TRIAGE-2\)/);
      }
    }
  });
});

describe('the Markdown export lists each exercise once', () => {
  const plan = makePlan({ goalWeekly: 90 });
  const md = renderMarkdown(plan, { exercises: templates.exercises });

  it("each exercise's instructions appear once, under Exercise instructions, and the rows name it", () => {
    const used = new Set(
      plan.weeks.flatMap((w) => w.sessions.filter((s) => s.runMinutes === 0 && s.kind !== 'rest').map((s) => s.title)),
    );
    expect(used.size).toBeGreaterThan(3);
    for (const exercise of Object.values(templates.exercises).filter((e) => used.has(e.title))) {
      expect(md.split(exercise.details).length - 1, exercise.title).toBe(1);
      expect(md.indexOf(exercise.details)).toBeGreaterThan(md.indexOf('## Exercise instructions'));
      expect(
        md.split('\n').some((row) => /^\| [^|]+ \| /.test(row) && row.includes(exercise.title)),
        exercise.title,
      ).toBe(true);
    }
    expect(md).toMatch(
      /\| Day \| Sessions \(each exercise: see \[Exercise instructions\]\(#exercise-instructions\)\) \|/,
    );
  });

  it("each week's runs are described once, and what every run shares once for the plan", () => {
    for (const week of plan.weeks) {
      const run = week.sessions.find((s) => s.runMinutes > 0)!;
      const named = `**${shortTitle(run.title)}** (${run.minutes} min in all) on `;
      expect(md.split(named).length - 1, `week ${week.index}`).toBe(1);
    }
    expect(md.split('Easy effort, tall posture').length - 1).toBe(1);
    expect(md.split('Stop the run if pain reaches 3/10').length - 1).toBe(1);
  });

  it('8 weeks take a third of the Markdown they took (the printed pages: docs in the README)', () => {
    expect(md.split('\n').length).toBeLessThan(200);
    expect(Buffer.byteLength(md)).toBeLessThan(13_000);
  });
});
