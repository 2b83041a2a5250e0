// Copies with fields added, for the paths that run once per athlete or per session.

/**
 * A copy of `object` with `fields` added or replaced. Not `{ ...object, field }`: on Node 20
 * (V8 11), a spread copy that gains a property its source lacks stays in memory, with all it
 * refers to, until V8's next full collection: `team checkin` of 2,000 rows peaked 34 MB higher for
 * it (docs/performance.md). Node 26 does not do this.
 */
export function withFields<T extends object, U extends object>(object: T, fields: U): T & U {
  return Object.assign({}, object, fields);
}
