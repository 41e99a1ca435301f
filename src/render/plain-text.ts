/**
 * The sticky comment as a terminal shows it (`npm run sandbox` prints it after each step): the markdown and HTML the
 * comment is written in become plain lines a person reads, and the rows and links stay. Only for the comment's own
 * constructs (src/render/comment.ts and the section renderers): headings, bold, code spans, links, backslash escapes,
 * quotes, tables, `<details>`/`<summary>` and character references; the hidden marker and state lines go.
 */
export function commentAsText(markdown: string): string {
  const out: string[] = [];
  let table: string[][] = [];
  const flushTable = () => {
    if (table.length) out.push(...alignTable(table));
    table = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/ {2}$/, '');
    if (/^\s*<!--.*-->\s*$/.test(line)) continue;
    if (/^\s*\|/.test(line)) {
      // The delimiter row (| --- | :-: |) only tells GitHub it is a table.
      if (!/^\s*\|(\s*:?-+:?\s*\|)+\s*$/.test(line)) table.push(cells(line).map(inline));
      continue;
    }
    flushTable();
    if (/^\s*<\/details>\s*$/.test(line)) continue;
    const summary = /^\s*<details[^>]*>\s*<summary>(.*)<\/summary>\s*$/.exec(line);
    if (summary) {
      out.push(`▸ ${inline(summary[1])}`);
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const title = inline(heading[1]);
      out.push(title, '═'.repeat(Math.min(width(title), 100)));
      continue;
    }
    const quote = /^(\s*)>\s?(.*)$/.exec(line);
    out.push(quote ? `${quote[1]}│ ${inline(quote[2])}` : inline(line));
  }
  flushTable();
  // One blank line between blocks, none at either end.
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\s+$/g, '');
}

/** One line of inline markdown as text: code spans keep their content, links show their target after the text. */
function inline(text: string): string {
  // Escapes and code spans first, left to right as CommonMark reads them: a backslash-escaped backtick opens no span,
  // and nothing inside a span is markdown. Both become placeholders the later steps leave alone.
  const literal: string[] = [];
  const keep = (t: string) => `\u0000${literal.push(t) - 1}\u0000`;
  let rest = '';
  for (let i = 0; i < text.length;) {
    if (text[i] === '\\' && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) {
      rest += keep(text[i + 1]);
      i += 2;
      continue;
    }
    const fence = /^`+/.exec(text.slice(i))?.[0];
    if (fence) {
      const close = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
      close.lastIndex = i + fence.length;
      const m = close.exec(text);
      if (m) {
        const body = text.slice(i + fence.length, m.index);
        // CommonMark strips one space from each end of a span padded on both; GFM reads \| in a table cell as |.
        rest += keep((body.length > 1 && body.startsWith(' ') && body.endsWith(' ') ? body.slice(1, -1) : body).replace(/\\\|/g, '|'));
        i = m.index + fence.length;
        continue;
      }
      rest += fence;
      i += fence.length;
      continue;
    }
    rest += text[i++];
  }
  rest = rest
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_m, label: string, href: string) => (linkText(label) === href ? `<${href}>` : `${label} <${href}>`))
    .replace(/\*\*([^*]+)\*\*/g, '$1');
  // eslint-disable-next-line no-control-regex
  const restored = decodeReferences(rest).replace(/\u0000(\d+)\u0000/g, (_m, n: string) => literal[Number(n)]);
  // Word joiners (kept out of autolinks and mentions) and controls a terminal would act on.
  // eslint-disable-next-line no-control-regex
  return restored.replace(/[\u2060\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** A link's text as read, to tell a bare URL (shown once) from a named link (text, then target). */
function linkText(label: string): string {
  return label.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\u2060/g, '');
}

/** The cells of a table row, split at the pipes that are not escaped. */
function cells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function alignTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ')}`);
}

/** Columns a terminal gives the text: code points, not UTF-16 units (emoji are close enough for alignment). */
function width(text: string): number {
  return [...text].length;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? m;
    const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
  });
}
