import { plain } from './markdown';

/** A step's error as a reviewer reads it: the one-line cause, the rest of the message, and the fix. */
export interface Failure {
  cause: string;
  detail: string[];
  fix?: string;
}

/**
 * Splits an error as ActionError.describe() writes it (message lines, then `Fix: …`). The cause is the first line,
 * cut at its first sentence when that sentence says enough ("Stack x failed to create and was deleted."), so the
 * root cause that follows goes into the detail rather than off the row's edge.
 */
export function splitFailure(error: string): Failure {
  const lines = error.replace(/\r\n?/g, '\n').split('\n');
  const fixAt = lines.findIndex((l) => l.startsWith('Fix: '));
  const fix = fixAt >= 0 ? lines.slice(fixAt).join(' ').slice('Fix: '.length).trim() : undefined;
  const message = (fixAt >= 0 ? lines.slice(0, fixAt) : lines).filter((l) => l.trim() !== '');
  const first = message[0] ?? '';
  const sentence = /^(.{20,200}?[.:])\s+(\S.*)$/.exec(first);
  const cause = sentence ? sentence[1].replace(/:$/, '') : first;
  const detail = [...(sentence ? [sentence[2]] : []), ...message.slice(1)];
  return { cause, detail, ...(fix ? { fix } : {}) };
}

/**
 * The whole error as wrapped text: one quoted paragraph per line (GitHub wraps prose, not a code block), escaped,
 * then the fix in bold. Long tokens (ARNs) break because github-markdown-css sets word-wrap: break-word.
 */
export function renderFailure(step: string, f: Failure): string {
  const lines = [`**${step} failed: ${plain(f.cause)}**`];
  if (f.detail.length) lines.push('', ...f.detail.flatMap((l, i) => [...(i ? ['>'] : []), `> ${plain(l)}`]));
  if (f.fix) lines.push('', `**Fix:** ${plain(f.fix)}`);
  return lines.join('\n');
}
