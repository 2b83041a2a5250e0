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

/**
 * Text a user typed, made safe for a terminal: control characters (escape sequences too) and the
 * marks that turn text right to left (U+202E and its kin) become spaces.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

// C0 and C1 controls, DEL, and the bidirectional marks, embeddings, overrides and isolates.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** At most `max` columns of a terminal, the last of a longer text an ellipsis. */
export function cut(text: string, max = 80): string {
  if (displayWidth(text) <= max) return text;
  let [kept, width] = ['', 0];
  for (const char of text) {
    const w = charWidth(char);
    if (width + w > max - 1) break;
    kept += char;
    width += w;
  }
  return `${kept}…`;
}

/** Text padded with spaces to `width` columns, on the right (or the left for `right`). */
export function padTo(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * The columns a terminal gives a text: two for East Asian wide letters (Chinese, Japanese,
 * Korean, fullwidth forms) and pictographs, none for combining marks and zero-width characters.
 */
export function displayWidth(text: string): number {
  if (NARROW_ONLY.test(text)) return text.length;
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

const NARROW_ONLY = /^[\u0020-\u02ff]*$/;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060]$/u; // variation selectors are Mn
const WIDE =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\p{Extended_Pictographic}]$/u;
const charWidth = (char: string): number => (ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1);

/** User text to echo in a message: made safe for a terminal, and cut to 80 characters. */
export const shown = (text: string, max = 80): string => cut(terminalSafe(text), max);

const escaped = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text with the controls JSON.stringify leaves raw (DEL, C1, bidirectional marks) escaped as \uXXXX. */
export function jsonSafe(json: string): string {
  return JSON_UNSAFE.test(json) ? json.replace(JSON_UNSAFE_ALL, escaped) : json;
}

const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const JSON_UNSAFE_ALL = new RegExp(JSON_UNSAFE.source, 'g');

// What may reach a terminal of what backplan writes: tab, newline, a carriage return that starts a
// write (the batch progress bar) or ends a line, and the colour codes of backplan's own styles
// (bold, dim, red, green, yellow, cyan, and their ends) and erase-line. Any other control becomes
// visible, inert text: \u001b in place of ESC. In JSON that is the character's own escape.

const OUTPUT_CONTROL =
  /\u001b\[(?:(?:1|2|22|31|32|33|36|39)m|K)|\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Output for stdout or stderr with every control but those above neutralised. */
export function neutralise(text: string | Uint8Array): string | Uint8Array {
  if (typeof text !== 'string') return mayHoldControls(text) ? neutralise(Buffer.from(text).toString('utf8')) : text;
  return text.replace(OUTPUT_CONTROL, (match, offset: number) => {
    if (match.length > 1 || (match === '\r' && offset === 0)) return match;
    return escaped(match);
  });
}

/** Whether UTF-8 bytes may hold a control character, DEL, a C1 control or a bidirectional mark. */
function mayHoldControls(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (
      byte < 0x20
        ? byte !== 0x09 && byte !== 0x0a && byte !== 0x0d
        : byte === 0x7f || byte === 0xc2 || byte === 0xd8 || byte === 0xe2
    )
      return true;
  }
  return false;
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
