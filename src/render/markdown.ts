/**
 * Escaping for text the action did not write itself (dashboard titles and file names from a PR's
 * checkout, error messages from AWS, Grafana or a proxy, input values) on its way into GitHub-
 * flavoured markdown. Each function is for one context; none of them lets the text end that
 * context, start HTML (so no hidden state or comment), mention someone, or become a link.
 */

const WORD_JOINER = '\u2060';

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Breaks what GitHub would turn into a mention, a team mention or an autolink. */
function defuse(text: string): string {
  return text
    .replace(/@/g, `@${WORD_JOINER}`)
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(/\b(www)\./gi, `$1${WORD_JOINER}.`);
}

/**
 * An inline code span, also safe inside a table cell: nothing in a code span is markdown, HTML or
 * a mention, and GFM tables read `\|` in a cell (code spans included) as a literal pipe.
 */
export function code(text: string): string {
  const body = oneLine(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
  return `${fence}${pad}${body || ' '}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function fenced(text: string, info = 'text'): string {
  const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** Prose, a table cell or a link's text: every ASCII punctuation character backslash-escaped. */
export function plain(text: string): string {
  return defuse(oneLine(text)).replace(/[!-/:-?[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * A link target. Only https URLs are rendered as links; the caller decides which hosts it built.
 * Characters that could end the target or the markdown around it are percent-encoded.
 */
export function href(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(/[()<>\s"'`|\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[text](url)`, or the text alone (as code) when the URL is not one to link. */
export function link(text: string, url: string | undefined): string {
  const target = url === undefined ? undefined : href(url);
  return target ? `[${plain(text)}](${target})` : code(text);
}
