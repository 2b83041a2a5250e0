// A run's words are made once per template, level and minutes and then reused for every athlete
// (src/core/sessions.ts). Over many plans made one after another in one process, so that each plan
// meets words cached for the plans before it, every run still says its own numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/core/plan.js';
import { templates } from '../helpers.js';
import { intakeArb, isoDateArb } from './arbitraries.js';

describe('run sessions say their own numbers', () => {
  it('minutes, level and distance in the title and details match the session', () => {
    const { ladder, rules } = templates;
    fc.assert(
      fc.property(intakeArb, isoDateArb, (intake, today) => {
        let p;
        try {
          p = plan(intake, templates, today);
        } catch {
          return; // a goal too small for any plan: refused, nothing to check
        }
        for (const session of p.weeks.flatMap((w) => w.sessions)) {
          if (session.kind === 'walk-run') {
            const level = ladder.find((l) => session.title.startsWith(`Walk/run L${l.level} ·`))!;
            expect(session.title).toBe(
              `Walk/run L${level.level} · ${level.run} min jog / ${level.walk} min walk × ${level.repeats}`,
            );
            expect(session.details).toContain(
              `then ${level.run} min easy jog and ${level.walk} min walk, ${level.repeats} times (${session.runMinutes} min running)`,
            );
            const [, warm, cool] = /^Walk (\d+) min to warm up.*; walk (\d+) min to cool down\./.exec(session.details)!;
            expect(session.minutes).toBe(session.runMinutes + level.walk * level.repeats + Number(warm) + Number(cool));
          } else if (session.kind === 'run') {
            expect(session.title).toMatch(new RegExp(`^Easy run · ${session.runMinutes} min( \\(lighter week\\))?$`));
            expect(session.details).toContain(`then ${session.runMinutes} min easy continuous running`);
            if (p.units !== 'min') {
              const pace = intake.pace ?? rules.assumedPaceMinutesPer[p.units];
              const km = (Math.round((session.runMinutes / pace) * 10) / 10).toFixed(1);
              expect(session.details).toContain(
                `about ${km} ${p.units} at ${p.pace!.assumed ? '' : 'your easy pace of '}${p.pace!.text}`,
              );
            }
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
