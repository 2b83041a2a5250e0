// The two progress charts, drawn by hand for the terminal (Unicode) and as SVG (for the report):
// logged pain over time with the 3/10 line, and weekly running minutes against the 10% cap.
import { shortDate } from '../core/dates.js';
import type { PainPoint, WeekVolume } from './progress.js';
import type { Style } from './style.js';

const MAX_PAIN_COLUMNS = 30;
const BAR_WIDTH = 40;

/** Pain 0-10 per entry: ● during, ○ next morning, ◉ both, △ at rest; the dotted row is the limit. */
export function painChartText(points: PainPoint[], limit: number, s: Style): string[] {
  if (points.length === 0) return [s.dim('  No pain logged yet.')];
  const shown = points.slice(-MAX_PAIN_COLUMNS);
  const lines: string[] = [];
  for (let pain = 10; pain >= 0; pain--) {
    let row = '';
    for (const p of shown) {
      const during = p.during === pain;
      const morning = p.nextMorning === pain;
      const mark =
        during && morning ? '◉' : during ? '●' : morning ? '○' : p.atRest === pain ? '△' : pain === limit ? '┄' : ' ';
      const coloured = mark === '┄' ? s.dim(mark) : mark !== ' ' && pain >= limit ? s.red(mark) : mark;
      row += `${coloured}${pain === limit ? s.dim('┄') : ' '}`;
    }
    lines.push(`  ${String(pain).padStart(2)} │${row}${pain === limit ? s.dim(` ${limit}/10 limit`) : ''}`.trimEnd());
  }
  lines.push(`     └${'──'.repeat(shown.length)}`);
  const first = shortDate(shown[0]!.date);
  const last = shortDate(shown.at(-1)!.date);
  lines.push(
    `      ${first}${shown.length > 1 ? ` … ${last}` : ''}${points.length > shown.length ? ` (last ${shown.length} entries)` : ''}`,
  );
  lines.push(
    s.dim(
      `      ● pain during   ○ next morning   ◉ both${points.some((p) => p.atRest !== null) ? '   △ at rest' : ''}`,
    ),
  );
  return lines;
}

/** One bar a week: █ logged, ░ planned still to come, │ the 10% cap (R-VOL-1). */
export function volumeChartText(weeks: WeekVolume[], s: Style): string[] {
  const top = Math.max(1, ...weeks.map((w) => Math.max(w.planned, w.logged ?? 0, w.cap ?? 0)));
  const scale = (minutes: number) => Math.round((minutes / top) * BAR_WIDTH);
  return [
    ...weeks.map((w) => {
      const done = scale(w.logged ?? 0);
      const planned = w.open ? Math.max(0, scale(w.planned) - done) : 0;
      const cells = [...('█'.repeat(done) + '░'.repeat(planned) + ' '.repeat(Math.max(0, BAR_WIDTH - done - planned)))];
      if (w.cap !== null) {
        const at = Math.min(BAR_WIDTH - 1, scale(w.cap));
        cells[at] = (w.logged ?? w.planned) > w.cap ? s.red('│') : s.yellow('│');
      }
      const figure =
        w.logged === null ? `${w.planned} planned` : `${w.logged} of ${w.planned}${w.open ? ' so far' : ''}`;
      return `  W${String(w.week).padEnd(3)}${cells.join('')} ${figure}${w.cap !== null ? s.dim(` (cap ${w.cap})`) : ''}`;
    }),
    s.dim('       █ logged   ░ planned   │ 10% cap (from the continuous phase on)'),
  ];
}

const FONT = 'font-family="system-ui, sans-serif" font-size="12"';
/** Both SVG charts share one frame: the plot area sits inside these margins. */
const FRAME = { width: 640, height: 280, top: 30, right: 20, bottom: 50 } as const;

function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${xml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Pain during (solid) and next morning (dashed) over the check-ins, with the limit line. */
export function painChartSvg(points: PainPoint[], limit: number): string {
  const { width, height, top, right, bottom } = FRAME;
  const left = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (pain: number) => top + plotH - (pain / 10) * plotH;
  const body: string[] = [`<text x="${left}" y="18" ${FONT} font-weight="bold">Logged back pain (0-10)</text>`];
  for (let pain = 0; pain <= 10; pain += 2) {
    body.push(`<line x1="${left}" y1="${y(pain)}" x2="${width - right}" y2="${y(pain)}" stroke="#e5e5e5"/>`);
    body.push(`<text x="${left - 8}" y="${y(pain) + 4}" ${FONT} text-anchor="end">${pain}</text>`);
  }
  body.push(
    `<line x1="${left}" y1="${y(limit)}" x2="${width - right}" y2="${y(limit)}" stroke="#c0392b" stroke-dasharray="6 4"/>`,
  );
  body.push(
    `<text x="${width - right}" y="${y(limit) - 4}" ${FONT} text-anchor="end" fill="#c0392b">${limit}/10 limit</text>`,
  );
  const series = (pick: (p: PainPoint) => number | null, colour: string, dash: string, label: string) => {
    const coords = points.map((p, i) => ({ i, v: pick(p) })).filter((c): c is { i: number; v: number } => c.v !== null);
    if (coords.length > 1)
      body.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${coords.map((c) => `${x(c.i).toFixed(1)},${y(c.v).toFixed(1)}`).join(' ')}"/>`,
      );
    for (const c of coords)
      body.push(
        `<circle cx="${x(c.i).toFixed(1)}" cy="${y(c.v).toFixed(1)}" r="3.5" fill="${colour}"><title>${xml(`${shortDate(points[c.i]!.date)}: ${label} ${c.v}/10`)}</title></circle>`,
      );
  };
  series((p) => p.during, '#1f77b4', '', 'pain during');
  series((p) => p.nextMorning, '#ff7f0e', ' stroke-dasharray="4 3"', 'next morning');
  series((p) => p.atRest, '#2ca02c', ' stroke-dasharray="1 3"', 'at rest');
  if (points.length > 0) {
    body.push(`<text x="${left}" y="${height - 28}" ${FONT}>${xml(shortDate(points[0]!.date))}</text>`);
    if (points.length > 1)
      body.push(
        `<text x="${width - right}" y="${height - 28}" ${FONT} text-anchor="end">${xml(shortDate(points.at(-1)!.date))}</text>`,
      );
  } else {
    body.push(
      `<text x="${left + plotW / 2}" y="${top + plotH / 2}" ${FONT} text-anchor="middle">No pain logged yet</text>`,
    );
  }
  body.push(`<text x="${left}" y="${height - 8}" ${FONT} fill="#1f77b4">● pain during</text>`);
  body.push(`<text x="${left + 120}" y="${height - 8}" ${FONT} fill="#ff7f0e">● next morning</text>`);
  if (points.some((p) => p.atRest !== null))
    body.push(`<text x="${left + 250}" y="${height - 8}" ${FONT} fill="#2ca02c">● at rest</text>`);
  return svgDocument(width, height, 'Logged back pain over time', body);
}

/** Weekly running minutes: logged (solid), planned (pale), and the 10% cap as a tick. */
export function volumeChartSvg(weeks: WeekVolume[]): string {
  const { width, height, top, right, bottom } = FRAME;
  const left = 50;
  const plotH = height - top - bottom;
  const step = weeks.length > 0 ? Math.min(60, (width - left - right) / weeks.length) : 60;
  const most = Math.max(1, ...weeks.map((w) => Math.max(w.planned, w.logged ?? 0, w.cap ?? 0)));
  const y = (minutes: number) => top + plotH - (minutes / most) * plotH;
  const body: string[] = [`<text x="${left}" y="18" ${FONT} font-weight="bold">Weekly running minutes</text>`];
  body.push(`<line x1="${left}" y1="${y(0)}" x2="${left + step * weeks.length}" y2="${y(0)}" stroke="#999"/>`);
  body.push(`<text x="${left - 8}" y="${y(most) + 4}" ${FONT} text-anchor="end">${most}</text>`);
  body.push(`<text x="${left - 8}" y="${y(0) + 4}" ${FONT} text-anchor="end">0</text>`);
  weeks.forEach((w, i) => {
    const x0 = left + i * step + step * 0.15;
    const barW = step * 0.7;
    body.push(
      `<rect x="${x0.toFixed(1)}" y="${y(w.planned).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(0) - y(w.planned)).toFixed(1)}" fill="#cfe2f3"><title>Week ${w.week}: ${w.planned} min planned</title></rect>`,
    );
    if (w.logged !== null)
      body.push(
        `<rect x="${x0.toFixed(1)}" y="${y(w.logged).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(0) - y(w.logged)).toFixed(1)}" fill="#1f77b4"><title>Week ${w.week}: ${w.logged} min logged</title></rect>`,
      );
    if (w.cap !== null)
      body.push(
        `<line x1="${(x0 - 3).toFixed(1)}" y1="${y(w.cap).toFixed(1)}" x2="${(x0 + barW + 3).toFixed(1)}" y2="${y(w.cap).toFixed(1)}" stroke="#c0392b" stroke-width="2"><title>Week ${w.week}: 10% cap ${w.cap} min</title></line>`,
      );
    body.push(
      `<text x="${(x0 + barW / 2).toFixed(1)}" y="${height - 32}" ${FONT} text-anchor="middle">W${w.week}</text>`,
    );
  });
  body.push(`<text x="${left}" y="${height - 8}" ${FONT} fill="#1f77b4">■ logged</text>`);
  body.push(`<text x="${left + 80}" y="${height - 8}" ${FONT} fill="#7fa7c9">■ planned</text>`);
  body.push(`<text x="${left + 170}" y="${height - 8}" ${FONT} fill="#c0392b">— 10% cap</text>`);
  return svgDocument(width, height, 'Weekly running minutes against the 10% cap', body);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
