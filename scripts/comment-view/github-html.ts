import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The PR comment column on a 1280 px wide window: the timeline comment's body, 780 px wide, 16 px of padding inside
 * (GitHub's `.comment-body`), text at 14 px (a comment's markdown is smaller than a README's 16 px). GitHub publishes
 * no such number: 780 px is the width the project measured on a pull request's conversation tab (issue 14);
 * github-markdown-css's readme gives 980 px, which is a repository README's width, not a comment's. A layout that fits here fits the job summary too, which is wider.
 */
export const COMMENT_COLUMN = { width: 780, padding: 16, fontSize: 14 };
/** The window the reviewer looks through: what is "within the first screen". */
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Markdown as GitHub turns it into HTML: GitHub-flavoured markdown (remark-gfm follows the GFM spec: tables,
 * strikethrough, autolinks, task lists), raw HTML kept (GitHub allows `<details>`, `<summary>`, `<br>`, …) and then
 * sanitised with rehype-sanitize's default schema, which is GitHub's (hast-util-sanitize's lib/schema.js says it
 * "follows GitHub style sanitation": HTML comments dropped, scripts, styles and event handlers gone, ids prefixed
 * `user-content-`).
 */
export function githubHtml(markdown: string): string {
  return execFileSync(process.execPath, [sourceFile('gfm.mjs')], { input: markdown, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}

/** A file of scripts/comment-view/ in the checkout, from here (ts-jest) or from build/scripts/comment-view/ (tsc). */
function sourceFile(name: string): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'scripts', 'comment-view', name)) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'scripts', 'comment-view', name);
}

/** github-markdown-css's light theme: the stylesheet GitHub's markdown bodies use, from the npm package. */
function githubCss(): string {
  return readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
}

/**
 * A whole page: the rendered markdown in a column as wide as a PR comment's, the rest of the window blank. The page
 * loads nothing from the network (the stylesheet is inlined), so it renders the same offline.
 */
export function commentPage(markdown: string, title: string): string {
  const { width, padding, fontSize } = COMMENT_COLUMN;
  const escapedTitle = title.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapedTitle}</title>
<style>${githubCss()}</style>
<style>
  body { margin: 0; background: #f6f8fa; }
  /* The comment box: GitHub's timeline comment, a bordered card in the conversation column. */
  #comment { box-sizing: border-box; width: ${width}px; margin: 16px 0 16px 72px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  #comment > header { padding: 8px 16px; border-bottom: 1px solid #d1d9e0; background: #f6f8fa; font: 14px -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #59636e; border-radius: 6px 6px 0 0; }
  #comment > .markdown-body { box-sizing: border-box; padding: ${padding}px; font-size: ${fontSize}px; }
</style></head>
<body><div id="comment"><header>github-actions <strong>bot</strong> commented</header>
<div class="markdown-body">${githubHtml(markdown)}</div></div></body></html>
`;
}
