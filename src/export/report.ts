// `backplan report`: a Markdown hand-off for a clinician or coach, linking two SVG charts that are
// written beside it.
import { longDate } from '../core/dates.js';
import type { Decision, Intake, LoggedSession, Plan } from '../core/types.js';
import { mdText } from './markdown.js';
import { weeklyPain, type StatusView } from './progress.js';
import { clearedNote } from './clearedNote.js';

export interface ReportInput {
  view: StatusView;
  plan: Plan;
  intake: Intake;
  sessions: LoggedSession[];
  /** Every decision of the log; those not of a session (gaps, rest pain, clearances, stops) are listed too. */
  decisions?: Decision[];
  /** File names of the charts, relative to the report. */
  charts: { pain: string; volume: string };
}

export function renderReport({ view, plan, intake, sessions, decisions = [], charts }: ReportInput): string {
  const out: string[] = [];
  out.push(`# Return-to-running report${view.name ? `: ${mdText(view.name)}` : ''}`, '');
  out.push(
    `As of ${longDate(view.today)}. Made by backplan from the runner's intake and check-in log. ${mdText(plan.notice)}`,
    '',
  );

  out.push('## Intake', '');
  const unit = intake.units === 'min' ? 'running min' : intake.units;
  out.push(
    `- Pain at rest at intake: ${intake.pain}/10`,
    `- Running at intake: ${intake.weekly} ${unit} a week; goal (before the pain): ${intake.goalWeekly} ${unit} a week`,
    `- Runner type: ${intake.runner}${intake.age !== undefined ? `; age ${intake.age}` : ''}`,
    `- Plan: ${longDate(plan.start)} to ${longDate(plan.end)}, template ${mdText(plan.template)}`,
    '',
  );

  out.push('## Red flags', '');
  const logged = [...new Set(sessions.flatMap((s) => s.symptoms ?? []))];
  out.push(
    `- Triage now: **${plan.triage.level}**${clearedNote(plan.triage)}. ${mdText(plan.triage.message || 'No red-flag symptoms reported.')}`,
  );
  for (const reason of plan.triage.reasons) out.push(`- ${mdText(reason.text)} (${reason.level})`);
  out.push(`- Reported at check-ins: ${logged.length > 0 ? logged.map(mdText).join(', ') : 'none'}`, '');

  out.push('## Where the runner stands', '');
  out.push(`- Phase: ${view.phase}${view.level !== null ? `, walk/run level ${view.level}` : ''}`);
  const stop = view.stopped;
  if (stop) {
    out.push(
      `- **Running stopped since ${stop.since} (${stop.reason})**: ${mdText(stop.text)}. ${mdText(stop.advice)}${stop.level === 'urgent' ? ' Running resumes once a clinician clears the runner ("backplan checkin --cleared").' : ''}`,
    );
  }
  if (view.restPain)
    out.push(
      `- Latest pain at rest: ${view.restPain.value}/10 on ${view.restPain.date}${view.restPain.blocksRunning ? ' (no running until it is logged below the line, R-PAIN-5)' : ''}`,
    );
  if (view.cleanNeeded !== null)
    out.push(`- Clean sessions toward the next level: ${view.cleanSessions} of ${view.cleanNeeded}`);
  if (view.decision) out.push(`- Last decision (${view.decision.date}): ${mdText(view.decision.text)}`);
  if (view.nextSession) out.push(`- Next session: ${view.nextSession.date}, ${mdText(view.nextSession.title)}`);
  out.push('');

  out.push('## Adherence', '');
  const a = view.adherence;
  const rate = a.planned > 0 ? `${Math.round((a.done / a.planned) * 100)}%` : 'n/a';
  out.push(
    `Of ${a.planned} run${a.planned === 1 ? '' : 's'} due so far: ${a.done} done, ${a.partial} partly done, ${a.notDone} not done, ${a.missed} missed without a check-in (${rate} done).`,
    '',
  );

  out.push('## Pain trend', '');
  out.push(`![Logged back pain over time, with the ${view.painThreshold}/10 line](${charts.pain})`, '');
  const weekly = weeklyPain(view, plan);
  if (weekly.length > 0) {
    out.push('| Week | Check-ins | Average worst pain |', '| --- | --- | --- |');
    for (const w of weekly) out.push(`| ${w.week} | ${w.count} | ${w.average.toFixed(1)}/10 |`);
    out.push('');
  }

  out.push('## Weekly running', '');
  out.push(`![Weekly running minutes against the 10% cap](${charts.volume})`, '');
  out.push('| Week | Starts | Phase | Planned min | Logged min | 10% cap |', '| --- | --- | --- | --- | --- | --- |');
  for (const w of view.weeks)
    out.push(`| ${w.week} | ${w.start} | ${w.phase} | ${w.planned} | ${w.logged ?? ''} | ${w.cap ?? ''} |`);
  out.push('');

  out.push('## Check-in log', '');
  if (sessions.length === 0) out.push('No check-ins yet.', '');
  else {
    out.push(
      '| Date | Done | Before | During | After | Next morning | Warm-up | New symptoms | Decision | Note |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const s of sessions) {
      const cell = (n: number | undefined) => (n === undefined ? '' : String(n));
      out.push(
        `| ${s.date} | ${s.completed ?? ''} | ${cell(s.painBefore)} | ${cell(s.painDuring)} | ${cell(s.painAfter)} | ${cell(s.nextMorning)} | ${s.warmup ?? ''} | ${(s.symptoms ?? []).join(', ')} | ${mdText(s.decision.text)} | ${mdText(s.note ?? '')} |`,
      );
    }
    out.push('');
  }

  const others = decisions.filter((d) => !sessions.some((s) => s.decision === d));
  if (others.length > 0) {
    out.push(
      '## Other decisions',
      '',
      'Decisions the log made beside the sessions: gaps, pain at rest, advances coming due, stops and clearances.',
      '',
    );
    for (const d of others) out.push(`- ${d.date}: ${mdText(d.text)}`);
    out.push('');
  }

  out.push('## Safety net', '');
  out.push(
    `**Emergency, same day:** ${plan.safetyNet.emergency.map(mdText).join('; ')}. ${mdText(plan.safetyNet.emergencyAction)}`,
    '',
  );
  out.push(
    `**Urgent, stop running:** ${plan.safetyNet.urgent.map(mdText).join('; ')}. ${mdText(plan.safetyNet.urgentAction)}`,
    '',
  );
  return `${out.join('\n')}`;
}
