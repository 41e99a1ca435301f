import { code, fenced, href, link, plain, prose } from '../../src/render/markdown';
import { grafanaRegion, trustedHref } from '../../src/render/links';
import { forgetSecrets, holdSecret } from '../../src/util/secrets';

/**
 * A table row's cells as cmark-gfm splits them, before any inline parsing (code spans included): a
 * backslash and the ASCII punctuation after it are one escaped pair (ext_scanners.re, escaped_char);
 * any other pipe ends a cell.
 */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && /[!-/:-@[-`{-~]/.test(row[i + 1] ?? '')) {
      cell += row[i] + row[++i];
    } else if (row[i] === '|') {
      out.push(cell);
      cell = '';
    } else {
      cell += row[i];
    }
  }
  out.push(cell);
  // The leading and trailing pipes of `| … |` delimit nothing.
  return out.slice(1, -1);
}

const HOSTILE = [
  'a|b', 'line\nbreak', 'cr\r\nlf', '@someone', '@acme/team', 'mail a@b.example', '<!-- ecs-amp-action:state eyJ4IjoxfQ== -->',
  '`tick`', '``double``', '[x](https://evil.example)', 'https://evil.example', 'www.evil.example', '<img src=x>',
  '&lt;b&gt;', '*em* _em_ ~~s~~', '$x^2$', '::warning::x', '# heading', '- item', '1. item', '> quote', '\\|', '\\\\|', 'a\\\\\\|b', 'trail\\',
  'bidi \u202Eevil', 'nul\u0000x', '\u2028sep',
];

afterEach(() => forgetSecrets());

describe('plain', () => {
  it.each(HOSTILE)('keeps %j to one table cell, with no HTML, mention, link or emphasis', (text) => {
    const out = plain(text);
    expect(out).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(cells(`| ${out} |`)).toHaveLength(1);
    // Every markup character is escaped (or, for @ and URLs, broken by a word joiner).
    expect(out).not.toMatch(/(?<!\\)[<>`*_[\]|~&!$]/);
    expect(out).not.toMatch(/@[\w-]/);
    expect(out).not.toMatch(/:\/\/|www\./i);
    expect(out).not.toContain("\u0000");
    expect(out).not.toContain("\u202E");
  });

  it('leaves ordinary text readable', () => {
    expect(plain('AMP ws-1 created')).toBe('AMP ws-1 created');
    expect(plain('PR #7 closed: idle 4d (ttl 3d)')).toBe('PR #7 closed: idle 4d (ttl 3d)');
    expect(plain('AWS::ECS::Service')).toBe('AWS::ECS::Service');
  });

  it('escapes a leading character that would start a block', () => {
    expect(plain('# h')).toBe('\\# h');
    expect(plain('- x')).toBe('\\- x');
    expect(plain('12. x')).toBe('12\\. x');
    expect(plain('=== x')).toBe('\\=== x');
  });
});

describe('code', () => {
  it.each(HOSTILE)('keeps %j inside one code span in one cell', (text) => {
    const out = code(text);
    expect(out).not.toMatch(/[\r\n]/);
    expect(cells(`| ${out} |`)).toHaveLength(1);
    const fence = /^`+/.exec(out)![0];
    expect(out.endsWith(fence)).toBe(true);
    // No backtick run inside is as long as the fence, so the span closes where it should.
    const inner = out.slice(fence.length, -fence.length);
    expect((inner.match(/`+/g) ?? []).every((run) => run.length !== fence.length)).toBe(true);
  });

  it('pads a value that starts or ends with a backtick', () => {
    expect(code('`a')).toBe('`` `a ``');
    expect(code('')).toBe('` `');
  });
});

describe('prose', () => {
  it('turns the action\'s `names` into code spans and escapes the text between them', () => {
    expect(prose('Allow `logs:TagResource` on `arn:aws:logs:*` to *the* role')).toBe('Allow `logs:TagResource` on `arn:aws:logs:*` to \\*the\\* role');
  });
  it('leaves an unpaired backtick literal and lets nothing inside a span open markup', () => {
    expect(prose('a ` b')).toBe('a \\` b');
    expect(prose('see `<img src=x>` and [x](javascript:1)')).toBe('see `<img src=x>` and \\[x\\](javascript:1)');
  });
});

describe('fenced', () => {
  it('cannot be closed by the text', () => {
    const text = 'x\n```\n<!-- ecs-amp-action:state AAAA -->\n````\n@someone';
    const out = fenced(text);
    const fence = /^`+/.exec(out)![0];
    expect(fence.length).toBe(5);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`${fence}text`);
    expect(lines.at(-1)).toBe(fence);
    // No line in between could close it: a closing fence is at least as long as the opening one.
    expect(lines.slice(1, -1).some((l) => new RegExp(`^ {0,3}\`{${fence.length},}\\s*$`).test(l))).toBe(false);
  });

  it('refuses an info string that is not a language name', () => {
    expect(() => fenced('x', 'text\n```')).toThrow(/info string/);
  });
});

describe('href and link', () => {
  it('links https only, without credentials, with the characters that end a target encoded', () => {
    expect(href('javascript:alert(1)')).toBeUndefined();
    expect(href('http://example.com')).toBeUndefined();
    expect(href('https://user:pw@example.com/')).toBeUndefined();
    expect(href('https://example.com/a)b c')).toBe('https://example.com/a%29b%20c');
    expect(link('t', 'http://x')).toBe('`t`');
    expect(link('[t]', 'https://x.example/')).toBe('[\\[t\\]](https://x.example/)');
  });
});

describe('secrets', () => {
  it('are redacted before escaping, so the escaped form cannot hide one', () => {
    holdSecret('glsa_SECRET_token_1234');
    for (const out of [plain('token glsa_SECRET_token_1234!'), code('glsa_SECRET_token_1234'), fenced('x glsa_SECRET_token_1234')]) {
      expect(out).not.toContain('SECRET');
      expect(out).toMatch(/\\\*\\\*\\\*|\*\*\*/);
    }
  });
});

describe('trustedHref', () => {
  const scope = { region: 'eu-west-1', repository: 'acme/shop', serverUrl: 'https://github.com' };
  it.each([
    ['https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks', true],
    ['https://us-east-1.console.aws.amazon.com/cloudformation/home', false],
    ['https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com/d/x', true],
    ['https://g-0123456789.grafana-workspace.us-east-1.amazonaws.com/d/x', false],
    ['https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com.evil.example/', false],
    ['https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com@evil.example/', false],
    ['https://g-012345678z.grafana-workspace.eu-west-1.amazonaws.com/', false],
    ['https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com:8443/', false],
    ['http://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com/', false],
    ['https://github.com/acme/shop/pull/7', true],
    ['https://github.com/ACME/Shop/actions/runs/123/job/4', true],
    ['https://github.com/acme/shop-evil/pull/7', false],
    ['https://github.com/other/shop/pull/7', false],
    ['https://github.com/acme/shop/settings', false],
    ['https://evil.example/', false],
    ['http://127.0.0.1:3000/d/x', false],
  ])('%s → %s', (url, ok) => {
    expect(trustedHref(url, scope) !== undefined).toBe(ok);
  });

  it('reads the region of a workspace URL', () => {
    expect(grafanaRegion('https://g-0123456789.grafana-workspace.ap-southeast-2.amazonaws.com')).toBe('ap-southeast-2');
    expect(grafanaRegion('http://127.0.0.1:1234')).toBeUndefined();
  });
});
