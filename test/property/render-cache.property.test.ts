// batch renders with one RenderCache for the whole roster; plan and show render without one. The
// bytes must be the same either way, for any plans in any order: a key that leaves out something
// its piece depends on shows up here as a plan rendered with another plan's piece.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/core/plan.js';
import type { Exercise, Plan, SessionStatus, Templates } from '../../src/core/types.js';
import { icsPieces } from '../../src/export/ics.js';
import { markdownPieces } from '../../src/export/markdown.js';
import { joinPieces, RenderCache } from '../../src/export/pieces.js';
import { templates } from '../helpers.js';
import { intakeArb, isoDateArb } from './arbitraries.js';

const STATUSES: SessionStatus[] = ['done', 'partial', 'not-done', 'missed', 'to-come'];

/** The same templates with other words in some exercises: pieces from one set must not serve the other. */
const reworded: Templates = {
  ...templates,
  exercises: Object.fromEntries(
    Object.entries(templates.exercises).map(([id, e], i): [string, Exercise] => [
      id,
      i % 2 ? { ...e, details: `${e.details} (reworded)`, steps: [...(e.steps ?? []), 'One more step.'] } : e,
    ]),
  ),
};

const caseArb = fc.record({
  intake: intakeArb,
  name: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
  today: fc.oneof(fc.constantFrom('2026-11-22', '2026-11-23'), isoDateArb), // a few days often, so pieces are shared
  reworded: fc.boolean(),
  marks: fc.array(
    fc.option(
      fc.record({
        status: fc.constantFrom(...STATUSES),
        logged: fc.option(fc.constantFrom('felt fine', 'sore | *x*'), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    { maxLength: 6 },
  ),
  // Plans as `show` makes them differ from the template's words in week gates and triage text.
  gate: fc.option(fc.constantFrom('Pain ≤ 3 all week', 'another gate'), { nil: undefined }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function planOf(c: Case): { plan: Plan; templates: Templates } {
  const t = c.reworded ? reworded : templates;
  const made = structuredClone(plan({ ...c.intake, ...(c.name === undefined ? {} : { name: c.name }) }, t, c.today));
  let i = 0;
  for (const week of made.weeks) {
    if (c.gate && week.index % 2 === 0) week.gate = c.gate;
    for (const session of week.sessions) {
      const mark = c.marks.length ? c.marks[i++ % c.marks.length] : undefined;
      if (!mark) continue;
      session.status = mark.status;
      if (mark.logged !== undefined) session.logged = mark.logged;
    }
  }
  return { plan: made, templates: t };
}

describe('the batch cache changes no byte', () => {
  it('Markdown and calendars over a roster of random plans, cached and not', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 5, max: 2000 }),
        (cases, limit) => {
          const cache = new RenderCache(limit); // small limits run through restarts too
          cases.forEach((c, i) => {
            const { plan: p, templates: t } = planOf(c);
            const uidKey = `athlete-${i}`;
            expect(joinPieces(markdownPieces(p, { exercises: t.exercises, cache })).toString('utf8')).toBe(
              joinPieces(markdownPieces(p, { exercises: t.exercises })).toString('utf8'),
            );
            expect(joinPieces(icsPieces(p, { uidKey, cache })).toString('utf8')).toBe(
              joinPieces(icsPieces(p, { uidKey })).toString('utf8'),
            );
            expect(joinPieces(icsPieces(p, { includeRest: true, cache })).toString('utf8')).toBe(
              joinPieces(icsPieces(p, { includeRest: true })).toString('utf8'),
            );
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
