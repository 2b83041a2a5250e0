import { describe, expect, it } from 'vitest';
import { replan } from '../../src/core/replay.js';
import { triage } from '../../src/core/triage.js';
import { REFERRALS, SYMPTOMS } from '../../src/core/symptoms.js';
import { intake, makePlan, runningSessions, templates } from '../helpers.js';

const ofLevel = (level: string) => SYMPTOMS.filter((s) => s.level === level).map((s) => s.id);

describe('R-TRIAGE-1: emergency symptoms', () => {
  it.each(ofLevel('emergency'))('%s gives no plan at all, even when cleared', (id) => {
    for (const cleared of [false, true]) {
      const p = makePlan({ symptoms: [id], cleared });
      expect(p.triage.level).toBe('emergency');
      expect(p.triage.withheld).toBe(true);
      expect(p.weeks).toEqual([]);
      expect(p.triage.message).toMatch(/emergency/i);
    }
  });

  it('outranks any other symptom listed with it', () => {
    expect(triage(intake({ symptoms: ['limp', 'night-pain', 'both-legs'] }), templates.rules).level).toBe('emergency');
  });
});

describe('R-TRIAGE-2: urgent symptoms', () => {
  it.each(ofLevel('urgent'))('%s holds no running at all until cleared', (id) => {
    const p = makePlan({ symptoms: [id], pain: 0, weekly: 120, goalWeekly: 200, weeks: 12 });
    expect(p.triage.level).toBe('urgent');
    expect(p.triage.withheld).toBe(true);
    expect(p.weeks).toHaveLength(12);
    expect(runningSessions(p)).toEqual([]);
    expect(p.weeks.flatMap((w) => w.sessions).some((s) => s.kind === 'cross-train')).toBe(false);
    expect(p.triage.message).toMatch(/stop running until a clinician has cleared you/i);
    // Section 5b: the reason's own line of who to see and how soon.
    expect(p.triage.message).toContain(REFERRALS[id]!);
  });

  it('under 20 with pain when arching backwards is urgent (suspected stress fracture)', () => {
    const t = triage(intake({ age: 17, archingPain: true }), templates.rules);
    expect(t.level).toBe('urgent');
    expect(t.reasons.map((r) => r.id)).toContain('arching-under-20');
    expect(triage(intake({ age: 20, archingPain: true }), templates.rules).level).toBe('clear');
  });

  it('two serious flags or more lead with "today" (found in review: three lines of different days)', () => {
    const several = triage(
      intake({ symptoms: ['cancer-history', 'weight-loss', 'night-pain'], age: 67 }),
      templates.rules,
    );
    expect(several.message).toMatch(
      /stop running until a clinician has cleared you\. More than one of these signs together: see a doctor \(GP\) today/,
    );
    const one = triage(intake({ symptoms: ['weight-loss'] }), templates.rules);
    expect(one.message).not.toMatch(/More than one/);
    const nerve = triage(intake({ symptoms: ['radiating-pain', 'numbness-tingling'] }), templates.rules);
    expect(nerve.message).not.toMatch(/More than one/);
    // Logged at a check-in, the stop's advice leads the same way (found in review: only the triage did).
    const logged = replan(
      intake({ start: '2026-11-23', age: 60 }),
      [{ date: '2026-11-24', symptoms: ['weight-loss', 'night-pain'] }],
      templates,
      '2026-11-24',
    );
    expect(logged.progress.stopped?.advice).toMatch(
      /^More than one of these signs together: see a doctor \(GP\) today/,
    );
  });
  it('R-ESC-4: a first episode with no age names a doctor first in the 4-week reminder too (found in review)', () => {
    const p = replan(intake({ start: '2026-11-23', firstEpisode: true }), [], templates, '2026-12-28').plan;
    expect(p.notes.join(' ')).toMatch(/doctor \(GP\) first/);
    expect(p.notes.join(' ')).not.toMatch(/physical therapist, or a gait analysis/);
  });

  it('a clinician clearance lifts the running ban', () => {
    const p = makePlan({ symptoms: ['radiating-pain'], cleared: true });
    expect(p.triage.withheld).toBe(false);
    expect(runningSessions(p).length).toBeGreaterThan(0);
  });
});

describe('R-TRIAGE-3: caution signs', () => {
  it.each(ofLevel('caution'))('%s keeps the plan in walk/run and recommends an assessment', (id) => {
    const p = makePlan({ symptoms: [id], pain: 0, weekly: 200, runsPerWeek: 4, goalWeekly: 300, weeks: 20 });
    expect(p.triage.level).toBe('caution');
    expect(p.triage.withheld).toBe(false);
    // R-WEEK-4: a limp means a settle week, with its walk test, before any run.
    expect(p.weeks.slice(id === 'limp' ? 1 : 0).every((w) => w.phase === 'walk-run')).toBe(true);
    if (id === 'limp') expect(p.weeks[0]!.phase).toBe('settle');
    expect(runningSessions(p).every((s) => s.kind === 'walk-run')).toBe(true);
    expect(p.notes.join(' ')).toMatch(/assessment is recommended/);
  });

  it('aged 50 or over with a first-ever episode is a caution', () => {
    expect(triage(intake({ age: 50, firstEpisode: true }), templates.rules).level).toBe('caution');
    expect(triage(intake({ age: 49, firstEpisode: true }), templates.rules).level).toBe('clear');
  });

  it('when cleared, the plan may go beyond walk/run', () => {
    const p = makePlan({ symptoms: ['limp'], cleared: true, weeks: 16, goalWeekly: 300 });
    expect(p.weeks.some((w) => w.phase === 'continuous')).toBe(true);
  });
});
