// Finding the athlete a check-in row names: by slug (the file name), else by name. Two athletes
// of the same name are told apart by their slugs, and a row that names only the name is refused.
import { slugOf } from '../export/slug.js';
import { openMember, type Member } from './folder.js';

export type Found = { member: Member } | { problem: string };

/** Looks athletes up by slug or by name; names are read from the files once per run, and only they are kept. */
export class TeamBook {
  private readonly bySlug: Map<string, Member>;
  private readonly nameBySlug = new Map<string, string | undefined>();
  private names: Map<string, Member[]> | undefined;

  constructor(private readonly members: readonly Member[]) {
    this.bySlug = new Map(members.map((m) => [m.slug.toLowerCase(), m]));
  }

  find(text: string): Found {
    const key = text.trim().toLowerCase();
    const exact = this.bySlug.get(key);
    if (exact) return { member: exact };
    // A name: first among the files its slug would give (ana-lopez, ana-lopez-2, …), else among all.
    const base = slugOf(text);
    const likely = this.members.filter(
      (m) => m.slug === base || (m.slug.startsWith(`${base}-`) && /^\d+$/.test(m.slug.slice(base.length + 1))),
    );
    let named = likely.filter((m) => this.nameOf(m) === key);
    if (named.length === 0) named = this.allNames().get(key) ?? [];
    if (named.length === 1) return { member: named[0]! };
    if (named.length > 1)
      return {
        problem: `${named.length} athletes are named "${text.trim()}" (${named
          .map((m) => m.slug)
          .sort()
          .join(', ')}); name the one meant by its file name`,
      };
    return {
      problem: `no athlete "${text.trim()}" in the team folder; name them by their file name (without .yaml) or name`,
    };
  }

  private nameOf(member: Member): string | undefined {
    if (!this.nameBySlug.has(member.slug)) {
      const opened = openMember(member);
      this.nameBySlug.set(member.slug, 'athlete' in opened ? opened.intake.name?.trim().toLowerCase() : undefined);
    }
    return this.nameBySlug.get(member.slug);
  }

  /** Every athlete's name: read once, and only for a row that names someone no slug matches. */
  private allNames(): Map<string, Member[]> {
    if (!this.names) {
      this.names = new Map();
      for (const member of this.members) {
        const name = this.nameOf(member);
        if (name !== undefined) this.names.set(name, [...(this.names.get(name) ?? []), member]);
      }
    }
    return this.names;
  }
}
