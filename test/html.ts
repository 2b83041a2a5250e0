// HTML read back as a browser would, for the tests of the HTML exports: parse5 follows the HTML
// standard's parsing rules and reports every parse error (a stray tag, a bad attribute, …).
import { parse, type DefaultTreeAdapterMap, type ParserError } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export interface Parsed {
  errors: ParserError[];
  root: DefaultTreeAdapterMap['document'];
}

export function parseHtml(html: string): Parsed {
  const errors: ParserError[] = [];
  const root = parse(html, { onParseError: (error) => errors.push(error) });
  return { errors, root };
}

/** Every element under `node`, in document order. */
export function elements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    const children =
      'content' in n && n.nodeName === 'template' ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(node);
  return out;
}

/** The text of a node, its whitespace collapsed. */
export function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value);
    if ('childNodes' in n) for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export const attr = (element: Element, name: string): string | undefined =>
  element.attrs.find((a) => a.name === name)?.value;

export const hasClass = (element: Element, name: string): boolean =>
  (attr(element, 'class') ?? '').split(/\s+/).includes(name);

export const byClass = (node: Node, name: string): Element[] => elements(node).filter((e) => hasClass(e, name));

export const byTag = (node: Node, tag: string): Element[] => elements(node).filter((e) => e.tagName === tag);
