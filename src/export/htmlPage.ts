// The frame every HTML export shares: one self-contained page (inline CSS, system fonts, no
// script), a Content-Security-Policy that allows nothing but its own stylesheet, and a print
// stylesheet. Text enters the page only through htmlText, user's and templates' alike.
import { createHash } from 'node:crypto';
import { terminalSafe } from './style.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Embeddings, overrides and isolates (and the marks): a name could otherwise turn the text
// around it backwards. A name's own right-to-left letters stay, inside <bdi>.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as inert HTML, on one line: control and bidi control characters gone, markup escaped. */
export function htmlText(text: string): string {
  return terminalSafe(text.replace(BIDI_CONTROLS, '')).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Text someone typed (a name, a note), isolated from the direction of the text around it. */
export function userText(text: string): string {
  return `<bdi>${htmlText(text)}</bdi>`;
}

export interface PageParts {
  title: string;
  /** The page's class on <body>: "plan" or "report". */
  kind: string;
  /** Markup already made of escaped pieces. */
  body: string;
}

/** The whole document. Same parts, same bytes: nothing here depends on the clock or the host. */
export function htmlPage({ title, kind, body }: PageParts): string {
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="color-scheme" content="light dark">\n' +
    '<meta name="referrer" content="no-referrer">\n' +
    '<meta name="generator" content="backplan">\n' +
    `<title>${htmlText(title)}</title>\n` +
    `<style>${CSS}</style>\n` +
    `</head>\n<body class="${kind}">\n<main>\n${body}</main>\n</body>\n</html>\n`
  );
}

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--card:#f3f6f9;
--accent:#0b5cad;--danger:#b42318;--danger-bg:#fdecea;--warn:#7a4f00;--warn-bg:#fff4dc;--ok:#1a7f37}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9aa4ae;--line:#3d444d;
--card:#161b22;--accent:#79b8ff;--danger:#ff8f85;--danger-bg:#3b1619;--warn:#f2cc60;--warn-bg:#2e2510;--ok:#56d364}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);overflow-wrap:anywhere;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 .25rem}
h2{font-size:1.2rem;line-height:1.3;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:.75rem 0 .25rem}
p{margin:.4rem 0}
ul{margin:.25rem 0;padding-left:1.25rem}
.meta,.muted{color:var(--muted)}
.notice{border-left:4px solid var(--muted);padding:.2rem .75rem;font-style:italic;color:var(--muted)}
.alert{border:2px solid var(--danger);background:var(--danger-bg);border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}
.alert h2{margin:.25rem 0;color:var(--danger)}
.alert.caution{border-color:var(--warn);background:var(--warn-bg)}
.alert.caution h2{color:var(--warn)}
.safety{border:1px solid var(--line);background:var(--card);border-radius:6px;padding:.25rem 1rem .5rem;margin:1rem 0}
.safety h2{margin:.5rem 0 .25rem}
.cols{display:grid;gap:0 1.5rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,17rem),1fr))}
.week{border-top:2px solid var(--line);margin-top:1.25rem}
.gate{font-weight:600}
.why,.how{color:var(--muted);font-size:.95em}
.how{display:none}
.days{list-style:none;margin:.5rem 0 0;padding:0}
.day{display:grid;grid-template-columns:7rem minmax(0,1fr);gap:.1rem .75rem;padding:.35rem 0;
border-bottom:1px solid var(--line)}
.day>time{font-weight:600;white-space:nowrap}
.sessions{list-style:none;margin:0;padding:0}
.session{position:relative;padding-left:1.6rem;margin:.1rem 0}
.box{position:absolute;left:0;top:.2em;width:1.05em;height:1.05em;border:1.5px solid var(--fg);border-radius:3px}
.box.done::after,.box.partial::after{position:absolute;left:.12em;top:-.3em;font-weight:700;color:var(--ok);
content:"\\2713"}
.box.partial::after{content:"\\00bd"}
.run .title{font-weight:700;color:var(--accent)}
.min,.rules,.status{color:var(--muted);font-size:.85em;white-space:nowrap}
.rules{white-space:normal}
.status{font-weight:600}
.details{display:block;color:var(--muted);font-size:.9em}
.glossary .steps{margin-bottom:.5rem}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem 1rem;margin:.25rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
figure{margin:.5rem 0}
figure svg{display:block;width:100%;height:auto;max-width:40rem;border:1px solid var(--line);border-radius:4px}
figcaption{color:var(--muted);font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.25rem 0 .75rem}
th,td{border-bottom:1px solid var(--line);padding:.2rem .4rem;text-align:left;vertical-align:top;overflow-wrap:normal}
td{white-space:nowrap}
td.text{white-space:normal;overflow-wrap:anywhere;min-width:6rem}
table:has(th.text) th:not(.text){width:1%}
table.log tr:not(.decision) td{border-bottom:0;padding-bottom:0}
table.log tr.decision td{color:var(--muted);padding-top:0}
table.log tr.decision td::before{content:"Decision: "}
th{color:var(--muted);font-weight:600}
@media (max-width:34rem){
main{padding:.75rem}
.day{grid-template-columns:minmax(0,1fr)}
table.stack thead{display:none}
table.stack tr{display:block;border-bottom:1px solid var(--line);padding:.25rem 0}
table.stack td{display:block;border:0;padding:0;white-space:normal}
table.stack td:empty{display:none}
table.stack td::before{content:attr(data-label) ": ";color:var(--muted)}
}
@page{margin:9mm 11mm 11mm}
@page{@bottom-right{content:"Page " counter(page) " of " counter(pages);font:8pt system-ui,sans-serif;color:#555}}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#3d3d3d;--line:#b8b8b8;--card:#fff;--accent:#000;--danger:#000;
--danger-bg:#fff;--warn:#000;--warn-bg:#fff;--ok:#000}
body{font-size:8pt;line-height:1.2}
main{max-width:none;padding:0}
h1{font-size:15pt;margin:0}
h2{font-size:10.5pt;margin:.6rem 0 .2rem;break-after:avoid}
h3{font-size:9pt;margin:.3rem 0 .1rem;break-after:avoid}
p{margin:.15rem 0}
.alert,.safety{padding:.1rem .6rem .3rem;margin:.4rem 0;border-radius:0}
.cols{grid-template-columns:1fr 1fr}
.week{border-top:1.5px solid #000;margin-top:.4rem;break-inside:avoid}
.week h2{margin:.15rem 0 .05rem}
.week p{margin:.05rem 0}
.how{display:block}
.triage h2,.triage>p:only-of-type{display:inline;margin-right:.5rem}
.details,.session .rules{display:none}
.details.logged{display:block}
.days{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));margin-top:.25rem;border:1px solid var(--line);
border-width:1px 0 0 1px}
.day{display:block;padding:.05rem .2rem .15rem;border:1px solid var(--line);border-width:0 1px 1px 0;
font-size:.9em;line-height:1.16}
.session{padding-left:1.05rem;margin:.1rem 0 0}
.session .min,.session .status{white-space:normal}
.box{width:.85em;height:.85em;top:.1em;border-width:1px}
.glossary{columns:3;column-gap:1.2rem;font-size:.95em}
.glossary ul{padding-left:.9rem}
.glossary h2{column-span:all}
.glossary .exercise{break-inside:avoid}
.report .cols{grid-template-columns:1fr 1fr}
.report{font-size:8pt}
.report h2{margin:.35rem 0 .1rem}
.report figure{margin:.2rem 0}
.report th{line-height:1.1}
figure svg{max-width:none}
table{font-size:.95em;margin-bottom:.3rem}
th,td{padding:.05rem .3rem}
tr,li,tbody,.safety{break-inside:avoid}
}
`;

const STYLE_HASH = createHash('sha256').update(CSS).digest('base64');
const CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'`;
