// What a plan's runs say alike, for the Markdown hand-out: said once, before the first week, while
// each week keeps what is its own (the intervals, the minutes, a distance, the rule ids that
// differ). Nothing is lost: a run's own words put back between the shared ones give its description.
import type { Session } from '../core/types.js';

export interface SharedRunText {
  /** Sentences every run of the plan holds, in the order of the first run; empty when they share none. */
  every: string[];
  /** Sentences every run of one kind holds (a walk/run session, a continuous run), beyond `every`. */
  byKind: { kind: Session['kind']; sentences: string[] }[];
  /** Rule ids every run names. */
  rules: string[];
  /** A run's own words: its description less the shared parts, then its rule ids that not every run names. */
  own(run: Session): string;
}

/** A description in sentences, each with its full stop: joined with spaces, they give it back. */
const sentencesOf = (details: string): string[] => details.split(/(?<=\.) /);

/**
 * The shared parts of the runs' descriptions. A run's first sentence names its warm-up, its own
 * intervals and its cool-down ("Walk 5 min to warm up, …, then 3 min easy jog …; walk 5 min to cool
 * down."): the warm-up before ", then " and the cool-down after "; " are shared when every run has
 * the same, and the run keeps what lies between.
 */
export function sharedRunText(sessions: readonly Session[]): SharedRunText {
  // One run of each description: runs alike share all their words, which leaves a week nothing of its own.
  const runs = distinct(sessions);
  if (runs.length < 2) {
    return { every: [], byKind: [], rules: [], own: (run) => withRules(run.details, run.rules) };
  }
  const split = new Map(runs.map((r) => [r, sentencesOf(r.details)]));
  const inAll = (group: readonly Session[], sentence: string) => group.every((r) => split.get(r)!.includes(sentence));
  const every = unique(split.get(runs[0]!)!.filter((s) => inAll(runs, s)));

  const frame = sharedFrame(runs.map((r) => split.get(r)![0]!).filter((s) => !every.includes(s)));
  const sharedAll = frame ? [frame.before + 'the run each week names' + frame.after, ...every] : every;

  const kinds = unique(runs.map((r) => r.kind));
  const byKind =
    kinds.length < 2
      ? []
      : kinds
          .map((kind) => {
            const group = runs.filter((r) => r.kind === kind);
            const sentences =
              group.length < 2
                ? []
                : unique(split.get(group[0]!)!.filter((s) => !every.includes(s) && inAll(group, s)));
            return { kind, sentences };
          })
          .filter((k) => k.sentences.length > 0);
  const kindShared = new Map(byKind.map((k) => [k.kind, k.sentences]));

  const rules = unique(runs[0]!.rules.filter((id) => sessions.every((r) => r.rules.includes(id))));
  // Runs alike (most of a week's) are worked out once.
  const owned = new Map<string, string>();
  const own = (run: Session): string => {
    const key = `${run.details}\u0000${run.rules.join(' ')}`;
    let text = owned.get(key);
    if (text === undefined) owned.set(key, (text = ownWords(run)));
    return text;
  };
  const ownWords = (run: Session): string => {
    const mine = kindShared.get(run.kind) ?? [];
    const kept = split.get(run) ?? sentencesOf(run.details);
    const words = kept
      .map((s, i) => {
        if (every.includes(s) || mine.includes(s)) return '';
        if (i === 0 && frame && s.startsWith(frame.before) && s.endsWith(frame.after)) {
          return `${s.slice(frame.before.length, s.length - frame.after.length)}.`;
        }
        return s;
      })
      .filter(Boolean)
      .join(' ');
    return withRules(
      words,
      run.rules.filter((id) => !rules.includes(id)),
    );
  };
  return { every: sharedAll, byKind, rules, own };
}

function withRules(text: string, rules: readonly string[]): string {
  if (rules.length === 0) return text;
  return `${text}${text ? ' ' : ''}Rules: ${rules.join(', ')}.`;
}

/**
 * The warm-up before ", then " and the cool-down from "; " that every first sentence shares, or
 * null when they do not all share both (or a run would keep nothing of its own).
 */
function sharedFrame(firsts: readonly string[]): { before: string; after: string } | null {
  if (firsts.length < 2) return null;
  let prefix = firsts[0]!;
  let suffix = firsts[0]!;
  for (const s of firsts) {
    while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
    while (!s.endsWith(suffix)) suffix = suffix.slice(1);
  }
  const then = prefix.lastIndexOf(', then ');
  const semi = suffix.indexOf('; ');
  if (then < 0 || semi < 0) return null;
  const before = prefix.slice(0, then + ', then '.length);
  const after = suffix.slice(semi);
  if (firsts.some((s) => s.length <= before.length + after.length + 1)) return null;
  return { before, after };
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

function distinct(sessions: readonly Session[]): Session[] {
  const seen = new Set<string>();
  return sessions.filter((s) => !seen.has(s.details) && seen.add(s.details));
}
