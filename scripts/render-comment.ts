/**
 * `npm run comment-view`: renders every state of the PR comment and of the job summary (scripts/comment-view/
 * states.ts) the way GitHub shows them, and screenshots each in headless Chromium at a reviewer's window size:
 *   build/comment-view/<state>.comment.{html,png}   the sticky PR comment
 *   build/comment-view/<state>.summary.{html,png}   the job summary of that state's step
 * Prints the paths it wrote. The browser is Debian's chromium (scripts/install-chromium.sh installs it if absent).
 * Runs as `node --conditions=import build/scripts/render-comment.js` (package.json): the renderer reaches
 * @actions/core 3, whose package exports only an ES module entry, which this CommonJS build require()s (Node 20.19+).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openBrowser } from './comment-view/browser';
import { commentPage } from './comment-view/github-html';
import { SERVER_URL, VIEW_STATES } from './comment-view/states';
import { renderReport, renderSummary } from '../src/render/report';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join('build', 'comment-view'));
  mkdirSync(out, { recursive: true });
  const browser = await openBrowser();
  try {
    const page = await browser.context.newPage();
    for (const view of VIEW_STATES) {
      const bodies = { comment: renderReport(view.state, { serverUrl: SERVER_URL }), summary: renderSummary(view.state, view.step, { serverUrl: SERVER_URL }) };
      for (const [kind, markdown] of Object.entries(bodies)) {
        const base = join(out, `${view.name}.${kind}`);
        const html = commentPage(markdown, `${view.title} (${kind})`);
        writeFileSync(`${base}.md`, markdown);
        writeFileSync(`${base}.html`, html);
        await page.setContent(html, { waitUntil: 'load' });
        await page.screenshot({ path: `${base}.png`, fullPage: true });
        console.log(`${base}.png`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
