// Markdown on stdin → HTML on stdout, as GitHub renders a comment (see githubHtml() in github-html.ts). An ES module
// run as its own process: unified and its plugins are ES modules only, some nested where Jest's transform of
// ES-only packages does not reach, and a child process loads them natively whatever runs the caller.
import { readFileSync } from 'node:fs';
import { stdout } from 'node:process';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const markdown = readFileSync(0, 'utf8');
stdout.write(String(unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize)
  .use(rehypeStringify)
  .processSync(markdown)));
