// R-PROG-1: which days of the plan week carry a run. Offsets are 0-6 from the week's first day.
//
// The same base pattern repeats every week, and it is chosen so that no two of its days are
// neighbours even cyclically (the last day of one week and the first of the next). Weeks that run
// fewer days use a subset of it, so no two running days are ever consecutive and no 7-day window
// holds more than the pattern's size.

function cyclicNeighbours(a: number, b: number): boolean {
  const gap = Math.abs(a - b);
  return gap === 1 || gap === 6;
}

function spreadOut(days: number[]): boolean {
  return days.every((a, i) => days.slice(i + 1).every((b) => !cyclicNeighbours(a, b)));
}

/**
 * The largest set of candidate offsets (at most `max`) with no two days adjacent, preferring the
 * candidates listed first. Candidates hold no duplicates.
 */
export function basePattern(candidates: readonly number[], max: number): number[] {
  let best: number[] = [];
  let bestScore = -1;
  const count = candidates.length;
  for (let mask = 1; mask < 1 << count; mask++) {
    const picked = candidates.filter((_, i) => mask & (1 << i));
    if (picked.length > max || picked.length < best.length || !spreadOut(picked)) continue;
    // Weight candidate i by 2^(count-1-i): a set holding a better-preferred day always wins.
    const score = candidates.reduce((sum, _, i) => sum + (mask & (1 << i) ? 1 << (count - 1 - i) : 0), 0);
    if (picked.length > best.length || score > bestScore) {
      best = picked;
      bestScore = score;
    }
  }
  return [...best].sort((a, b) => a - b);
}

/** The first `count` days of the pattern in preference order, sorted by day. */
export function pickRunDays(pattern: readonly number[], preference: readonly number[], count: number): number[] {
  const ranked = [...pattern].sort((a, b) => rankOf(preference, a) - rankOf(preference, b));
  return ranked.slice(0, Math.max(0, count)).sort((a, b) => a - b);
}

/** R-WEEK-1: three running days in a row anywhere, the week repeating (so across week boundaries too). */
export function hasThreeInARow(days: readonly number[]): boolean {
  return days.some((d) => days.includes((d + 1) % 7) && days.includes((d + 2) % 7));
}

/**
 * Beyond the walk/run phases a runner may run on more days than the base pattern holds. Each
 * extra day is the allowed free day with the fewest running neighbours (preferred days first),
 * and never one that makes three running days in a row (R-WEEK-1), so a week holds at most four
 * runs and fewer may come back than asked for.
 */
export function extendedRunDays(
  pattern: readonly number[],
  preference: readonly number[],
  allowed: readonly number[],
  count: number,
): number[] {
  if (count <= pattern.length) return pickRunDays(pattern, preference, count);
  const days = [...pattern];
  const pool = [...new Set(allowed)];
  while (days.length < Math.min(count, 7)) {
    const free = pool.filter((d) => !days.includes(d) && !hasThreeInARow([...days, d]));
    if (free.length === 0) break;
    const neighbours = (d: number) => days.filter((r) => cyclicNeighbours(r, d)).length;
    free.sort((a, b) => neighbours(a) - neighbours(b) || rankOf(preference, a) - rankOf(preference, b));
    days.push(free[0]!);
  }
  return days.sort((a, b) => a - b);
}

function rankOf(preference: readonly number[], day: number): number {
  const rank = preference.indexOf(day);
  return rank === -1 ? preference.length + day : rank;
}
