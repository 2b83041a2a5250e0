// `backplan status` in the terminal: where the runner stands, this week, and the two charts.
import { addDays, shortDate } from '../core/dates.js';
import { painChartText, volumeChartText } from './charts.js';
import type { StatusView } from './progress.js';
import { PLAIN, terminalSafe, wrap, type Style } from './style.js';
import { statusMark, todayLine, type TodayParts } from './text.js';

/** "What do I do today?" from the status view: today's sessions, and the next (R-LOG-1). */
function todayOfView(view: StatusView): TodayParts {
  const first = view.weeks[0];
  const last = view.weeks.at(-1);
  const week = view.thisWeek?.sessions ?? [];
  const sessions = week
    .filter((x) => x.date === view.today)
    .map((x) => ({ ...x, kind: 'walk' as const, status: x.status ?? undefined }));
  const after =
    view.nextSession?.date === view.today ? (week.find((x) => x.date > view.today && x.runMinutes > 0) ?? null) : null;
  return {
    today: view.today,
    span:
      first && last && view.stopped?.level !== 'emergency' ? { start: first.start, end: addDays(last.start, 6) } : null,
    sessions,
    next: view.nextSession,
    after,
    stopped: view.stopped !== null,
  };
}

const WIDTH = 80;

export function renderStatusText(view: StatusView, s: Style = PLAIN): string {
  const out: string[] = [...wrap(todayLine(todayOfView(view)), WIDTH, '  ', '').map((l) => s.bold(l))];
  out.push(`Status${view.name ? ` · ${terminalSafe(view.name)}` : ''} · ${shortDate(view.today)}`);
  const stop = view.stopped;
  if (stop) {
    out.push(
      s.red(
        s.bold(
          stop.level === 'emergency'
            ? 'STOPPED: get emergency care today.'
            : 'RUNNING STOPPED until a clinician clears you.',
        ),
      ),
    );
    out.push(
      ...wrap(`Since ${shortDate(stop.since)}: ${terminalSafe(stop.text)} (${stop.reason}).`, WIDTH, '  ', '  ').map(
        (l) => s.red(l),
      ),
    );
    out.push(...wrap(stop.advice, WIDTH, '  ', '  ').map((l) => s.red(l)));
    if (stop.level === 'urgent')
      out.push(
        ...wrap(
          'Once a clinician has cleared you, log "backplan checkin --cleared" and running resumes.',
          WIDTH,
          '  ',
          '  ',
        ),
      );
  }
  // R-TRIAGE-3 and R-ESC-4: a caution plan says every time that an assessment is due.
  if (!stop && view.triage.level === 'caution' && !view.triage.cleared) {
    out.push(...wrap(view.triage.message, WIDTH, '', '  ').map((l) => s.yellow(l)));
  }
  if (view.restPain?.blocksRunning && !stop) {
    out.push(
      ...wrap(
        `No run until you log pain at rest below ${view.painThreshold}/10 ("backplan checkin --rest-pain N"): ${view.restPain.value}/10 on ${shortDate(view.restPain.date)} (R-PAIN-5).`,
        WIDTH,
        '',
        '  ',
      ).map((l) => s.yellow(l)),
    );
  }
  out.push(`Phase: ${view.phase}${view.level !== null ? ` · walk/run level ${view.level}` : ''}`);
  if (view.cleanNeeded !== null)
    out.push(`Clean sessions toward the next level: ${view.cleanSessions} of ${view.cleanNeeded} (R-PROG-2)`);
  if (view.decision)
    out.push(...wrap(`Last decision (${shortDate(view.decision.date)}): ${view.decision.text}`, WIDTH, '  ', ''));
  if (view.restThrough) out.push(`No running until after ${shortDate(view.restThrough)}.`);
  if (view.nextSession) out.push(`Next: ${shortDate(view.nextSession.date)}, ${view.nextSession.title}`);

  if (view.thisWeek) {
    out.push(
      '',
      s.bold(
        `This week (week ${view.thisWeek.week}, ${shortDate(view.thisWeek.start)} – ${shortDate(view.thisWeek.end)})`,
      ),
    );
    const dates = [...new Set(view.thisWeek.sessions.map((x) => x.date))];
    for (const date of dates) {
      const sessions = view.thisWeek.sessions.filter((x) => x.date === date);
      const run = sessions.find((x) => x.runMinutes > 0);
      const mark = run?.status ? `  ${statusMark(run.status, s)}` : '';
      const titles = (run ? [run] : sessions).map((x) => x.title).join(' · ');
      out.push(...wrap(`${titles}${mark}`, WIDTH, ' '.repeat(14), `  ${shortDate(date).padEnd(10)}  `));
    }
  }
  const a = view.adherence;
  if (a.planned > 0)
    out.push(
      '',
      `Runs so far: ${a.done} done, ${a.partial} partly, ${a.notDone} not done, ${a.missed} missed, of ${a.planned}.`,
    );
  out.push(
    '',
    s.bold(`Pain logged (0-10), with the ${view.painThreshold}/10 line`),
    ...painChartText(view.pain, view.painThreshold, s),
  );
  out.push('', s.bold('Weekly running minutes against the 10% cap'), ...volumeChartText(view.weeks, s));
  return `${out.join('\n')}\n`;
}
