// The plan command checks flag intakes without zod when all is well (src/intake/complete.ts).
// Over random raw intakes, that fast path must agree with the zod schema: the same intake when it
// accepts, and never accepting what zod rejects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYMPTOM_IDS } from '../../src/core/symptoms.js';
import { completeIntake } from '../../src/intake/complete.js';
import { intakeSchema, type IntakeInput } from '../../src/intake/schema.js';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const number = fc.oneof(
  fc.integer({ min: -5, max: 12_000 }),
  fc.double({ min: -1, max: 11_000, noNaN: true }),
  fc.constantFrom(0, 0.5, 10_000, 10_001, Number.NaN, Number.POSITIVE_INFINITY),
);

const rawArb: fc.Arbitrary<Partial<IntakeInput>> = fc
  .record({
    name: maybe(fc.oneof(fc.string({ maxLength: 130 }), fc.constantFrom('  Ana ', '', '   ', 'x'.repeat(121)))),
    pain: maybe(fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constant(2.5))),
    symptoms: maybe(fc.array(fc.oneof(fc.constantFrom(...SYMPTOM_IDS), fc.constant('leg-pain')), { maxLength: 3 })),
    weekly: maybe(number),
    units: maybe(fc.constantFrom('min', 'km', 'mi', 'yards')),
    runsPerWeek: maybe(fc.integer({ min: 0, max: 8 })),
    longestRun: maybe(number),
    goalWeekly: maybe(number),
    age: maybe(fc.integer({ min: 0, max: 120 })),
    firstEpisode: maybe(fc.boolean()),
    archingPain: maybe(fc.boolean()),
    runner: maybe(fc.constantFrom('beginner', 'distance', 'returning', 'elite')),
    start: maybe(fc.constantFrom('2026-11-23', '2026-02-30', 'tomorrow', '2024-02-29')),
    weeks: maybe(fc.integer({ min: 0, max: 60 })),
    days: maybe(fc.array(fc.constantFrom('mon', 'tue', 'sun', 'funday'), { maxLength: 3 })),
    cleared: maybe(fc.boolean()),
  })
  .map((raw) => Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Partial<IntakeInput>);

describe('the intake fast path agrees with the zod schema', () => {
  it('accepts only what zod accepts, and gives the same intake', () => {
    fc.assert(
      fc.property(rawArb, (raw) => {
        const fast = completeIntake(raw);
        const zod = intakeSchema.safeParse(raw);
        if (fast !== null) {
          expect(zod.success).toBe(true);
          expect(fast).toEqual(zod.data);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for an ordinary plan command', () => {
    expect(completeIntake({ pain: 2, goalWeekly: 30, units: 'km', weekly: 0 })).toEqual(
      intakeSchema.parse({ pain: 2, goalWeekly: 30, units: 'km', weekly: 0 }),
    );
  });
});
