// The few text styles the renderers use; plain (no colour) unless a colour-capable one is given.
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const same = (text: string): string => text;
export const PLAIN: Style = { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };

/** Text a user typed, made safe for a terminal: control characters (escape sequences too) removed. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Words wrapped to `width` columns; every line after the first starts with `indent`. Words are what
 * whitespace separates; a word longer than a line gets a line of its own. Each line is cut from the
 * text in one piece, which a plan's hundreds of wrapped lines make worth it at start-up.
 */
export function wrap(text: string, width: number, indent: string, firstIndent = indent): string[] {
  const words = SINGLE_SPACED.test(text) ? text : text.split(/\s+/).filter(Boolean).join(' ');
  const lines: string[] = [];
  let prefix = firstIndent;
  let start = 0; // where this line's first word starts
  let end = words.indexOf(' '); // where its last word ends
  if (end === -1) end = words.length;
  while (end < words.length) {
    let next = words.indexOf(' ', end + 1);
    if (next === -1) next = words.length;
    if (prefix.length + (next - start) > width) {
      lines.push(prefix + words.slice(start, end));
      prefix = indent;
      start = end + 1;
    }
    end = next;
  }
  lines.push(prefix + words.slice(start, end));
  return lines;
}

/** Text whose words are already one space apart, with none around them. */
export const SINGLE_SPACED = /^(?:[^\s]+(?: [^\s]+)*)?$/;
