import { redact } from '../util/secrets';

/**
 * Escaping for text the action did not write itself (dashboard titles and file names from a PR's
 * checkout, error messages from AWS, Grafana or a proxy, input values) on its way into GitHub-
 * flavoured markdown. Each function is for one context; none of them lets the text end that
 * context, start HTML (so no hidden state or comment), mention someone, or become a link.
 *
 * Every function redacts held secrets first: escaping changes the text (a `_` becomes `\_`), and a
 * secret changed that way would slip past the redact() applied to the finished body.
 */

/** U+2060 WORD JOINER: invisible, and it breaks the character runs GitHub turns into mentions and links. */
const WORD_JOINER = '\u2060';

/**
 * Line breaks (which end a table row or a heading) and characters that only disguise text: C0/C1
 * controls and the bidirectional overrides that make a name read differently from what it is.
 */
function oneLine(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/g, ' ')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\t/g, ' ');
}

/**
 * Breaks what GitHub turns into a mention (`@user`, `@org/team`), an email autolink (`a@b.c`) or a
 * URL autolink (`https://…`, `www.…`). GitHub finds mentions in the rendered text, after markdown
 * escapes are gone, so a backslash alone would not stop them; the joiner stays in the text.
 */
function defuse(text: string): string {
  return text
    .replace(/@/g, `@${WORD_JOINER}`)
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(/\b(www)\./gi, `$1${WORD_JOINER}.`);
}

/**
 * An inline code span, also safe inside a table cell: nothing in a code span is markdown, HTML or
 * a mention, and GFM tables read `\|` in a cell (code spans included) as a literal pipe. Outside a
 * table that `\|` shows as typed, so use it for values that do not carry pipes there.
 */
export function code(text: string): string {
  // cmark-gfm finds a row's cells before any inline parsing, reading `\\` followed by any ASCII
  // punctuation as one escaped pair (ext_scanners.re, escaped_char): a pipe after an odd run of
  // backslashes would end the cell, so a word joiner keeps the text's backslashes off the pipe.
  const body = oneLine(redact(text)).replace(/(\\?)\|/g, (_m, slash: string) => (slash ? `\\${WORD_JOINER}\\|` : '\\|'));
  // A span closes at the first backtick run of its own length: make the fence longer than any inside.
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end when both are there; a leading or trailing backtick needs a space too.
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
  return `${fence}${pad}${body || ' '}${pad}${fence}`;
}

/**
 * A fenced block whose fence is longer than any backtick run inside, so the text cannot close it
 * (a closing fence must be at least as long as the opening one). `info` is the action's own word.
 */
export function fenced(text: string, info = 'text'): string {
  if (!/^[a-z0-9-]*$/.test(info)) throw new Error(`fenced(): info string '${info}' is not a language name`);
  const body = redact(text).replace(/\r\n?|[\u2028\u2029]/g, '\n');
  const longest = Math.max(0, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/**
 * Prose, a table cell, a heading's text or a link's text, as one line. Backslash-escapes every
 * character with inline meaning in GFM (emphasis, code, links, images, HTML and entities,
 * strikethrough, tables, math) and a leading character that could start a block (heading, list,
 * quote, thematic break); the rest of the text stays as typed so it reads, and greps, the same.
 */
export function plain(text: string): string {
  const escaped = defuse(oneLine(redact(text))).replace(/[\\`*_[\]<>|~&!$]/g, (c) => `\\${c}`);
  // `1.` or `1)` starts an ordered list; `#`, `-`, `+`, `=`, `>` a block of their own.
  return escaped.replace(/^(\d+)([.)])|^([#+\-=])/, (_m, digits?: string, mark?: string, block?: string) => (block ? `\\${block}` : `${digits}\\${mark}`));
}

/**
 * A message of the action's own (a fix) that marks names with backticks, as the log shows them: each
 * `…` span becomes a code span, the text between them plain text, both escaped. An unpaired backtick
 * stays a literal one; nothing in the text can open markup of its own.
 */
export function prose(text: string): string {
  const parts = oneLine(text).split(/`([^`]+)`/);
  return parts.map((part, i) => (i % 2 ? code(part) : part ? plain(part) : '')).join('');
}

/**
 * A link target. Only https URLs are rendered as links; the caller decides which hosts it built
 * (src/render/links.ts). Characters that could end the target or the markdown around it are
 * percent-encoded.
 */
export function href(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return undefined;
  return parsed.href.replace(/[()<>\s"'`|\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[text](url)`, or the text alone (as code) when the URL is not one to link. */
export function link(text: string, url: string | undefined): string {
  const target = url === undefined ? undefined : href(url);
  return target ? `[${plain(text)}](${target})` : code(text);
}
