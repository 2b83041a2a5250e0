// An athlete's name as a slug: for file names (safe on any file system, unique within a roster)
// and for calendar UIDs.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/; // Windows device names, whatever the extension

export function slugOf(text: string | undefined): string {
  const slug = (text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (!slug) return 'athlete';
  return RESERVED.test(slug) ? `${slug}-athlete` : slug;
}

/** Hands out slugs, adding -2, -3 … to a name seen before. */
export class SlugBook {
  private readonly taken = new Set<string>();

  claim(text: string | undefined): string {
    const base = slugOf(text);
    let slug = base;
    for (let n = 2; this.taken.has(slug); n++) slug = `${base}-${n}`;
    this.taken.add(slug);
    return slug;
  }
}
