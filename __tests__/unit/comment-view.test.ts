import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from '../../scripts/comment-view/browser';
import { COMMENT_COLUMN, commentPage, VIEWPORT } from '../../scripts/comment-view/github-html';
import { SERVER_URL, VIEW_STATES } from '../../scripts/comment-view/states';
import { renderReport, renderSummary } from '../../src/render/report';
import { splitFailure } from '../../src/render/failure';

/**
 * The comment as a reviewer sees it: each state rendered as GitHub does and looked at in headless Chromium
 * (scripts/install-chromium.sh provides it). What must be seen is asserted on the laid-out page, not on the markdown.
 */
jest.setTimeout(120_000);

let browser: OpenBrowser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
});
afterAll(async () => browser?.close());

interface Seen {
  /** Elements wider than their box (content that scrolls sideways or runs out). */
  overflowing: string[];
  /** Text of the body above the first screen's bottom edge. */
  firstScreen: string;
  links: { text: string; href: string; top: number }[];
  bodyWidth: number;
}

/** Page-side probe, as a string: the unit project's TypeScript has no DOM types. */
const PROBE = `(() => {
  const body = document.querySelector('#comment .markdown-body');
  const overflowing = [...body.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)
    .map((e) => e.tagName + ': ' + e.textContent.slice(0, 80));
  if (body.scrollWidth > body.clientWidth + 1) overflowing.push('markdown-body');
  const bottom = window.innerHeight;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let firstScreen = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const r = document.createRange(); r.selectNodeContents(n);
    const rect = r.getBoundingClientRect();
    if (rect.height > 0 && rect.bottom <= bottom) firstScreen += n.textContent + ' ';
  }
  const links = [...body.querySelectorAll('a')].filter((a) => a.getClientRects().length > 0)
    .map((a) => ({ text: a.textContent, href: a.href, top: a.getBoundingClientRect().bottom }));
  return { overflowing, firstScreen: firstScreen.replace(/\\s+/g, ' '), links, bodyWidth: document.querySelector('#comment').getBoundingClientRect().width };
})()`;

async function look(page: Page, markdown: string): Promise<Seen> {
  await page.setContent(commentPage(markdown, 'test'), { waitUntil: 'load' });
  return page.evaluate(PROBE) as Promise<Seen>;
}

describe.each(VIEW_STATES.map((v) => [v.name, v] as const))('the %s comment, as a reviewer sees it', (_name, view) => {
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
  });
  afterAll(async () => page.close());

  for (const [kind, render] of [
    ['comment', () => renderReport(view.state, { serverUrl: SERVER_URL })],
    ['job summary', () => renderSummary(view.state, view.step, { serverUrl: SERVER_URL })],
  ] as const) {
    it(`${kind}: status, commit and links on the first screen, nothing wider than the column`, async () => {
      const seen = await look(page, render());
      expect(seen.bodyWidth).toBe(COMMENT_COLUMN.width);
      expect(seen.overflowing).toEqual([]);
      const rec = view.state.modes[view.step]!;
      const status = rec.status === 'in progress' || rec.status === 'cancelled' ? { 'in progress': 'deploying', cancelled: 'cancelled' }[rec.status]
        : rec.status === 'failed' ? 'failed' : view.step === 'destroy' ? 'destroyed' : 'succeeded';
      expect(seen.firstScreen).toContain(`${view.step} `);
      expect(seen.firstScreen).toMatch(new RegExp(`${view.step}\\b[^]*?${status}`));
      if (rec.commit) expect(seen.firstScreen).toContain(rec.commit.slice(0, 7));
      if (rec.runUrl) expect(seen.links.filter((l) => l.top <= VIEWPORT.height).map((l) => l.href)).toContain(rec.runUrl);
      const dashboard = view.state.links.find((l) => l.label === 'Dashboard');
      if (dashboard && view.step !== 'destroy' && kind === 'comment') {
        expect(seen.links.find((l) => l.href === dashboard.href)?.top).toBeLessThanOrEqual(VIEWPORT.height);
      }
      if (rec.error) {
        // The cause and the fix, in full, without scrolling.
        const { cause, fix } = splitFailure(rec.error);
        expect(seen.firstScreen).toContain(cause);
        // The fix's `names` are code spans on the page: the text shows without the backticks.
        if (fix) expect(seen.firstScreen.replace(/\u2060/g, '')).toContain(fix.replace(/`/g, '').slice(0, 60));
      }
    });
  }
});

describe('the job summary', () => {
  it('holds its own step only', () => {
    const view = VIEW_STATES.find((v) => v.name === 'deployed')!;
    const summary = renderSummary(view.state, 'deploy', { serverUrl: SERVER_URL });
    expect(summary).toContain('**deploy**');
    expect(summary).not.toContain('**provision**');
    expect(summary).not.toContain('**dashboard**');
  });
});
