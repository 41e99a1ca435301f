import { plain, prose } from './markdown';

/** A step's error as a reviewer reads it: the one-line cause, the rest of the message, and the fix. */
export interface Failure {
  cause: string;
  detail: string[];
  fix?: string;
}

/** How long the row's one-line cause may be before it is cut (the whole message is in the detail). */
const CAUSE_MAX = 200;

/**
 * Splits an error as ActionError.describe() writes it (message lines, then `Fix: …`). The detail is the whole
 * message; the cause is the line a reviewer needs, in this order: the first stopped task's reason (what an ECS
 * deployment failed on: CannotPullContainerError, an exit code), else CloudFormation's root cause ("Root cause:
 * Service (AWS::ECS::Service) CREATE_FAILED: …"), else the first line.
 */
export function splitFailure(error: string): Failure {
  const lines = error.replace(/\r\n?/g, '\n').split('\n');
  const fixAt = lines.findIndex((l) => l.startsWith('Fix: '));
  const fix = fixAt >= 0 ? lines.slice(fixAt).join(' ').slice('Fix: '.length).trim() : undefined;
  const message = (fixAt >= 0 ? lines.slice(0, fixAt) : lines).filter((l) => l.trim() !== '');
  // `task <id> stopped (<code>): <reason> — <container>: <its reason>` (src/aws/ecs.ts): the container's says most.
  const task = message.map((l) => /^task \S+ stopped \([^)]*\): (.*?)(?: — (.*?))?(?: \(\d+ tasks stopped for this reason\))?$/.exec(l)).find(Boolean);
  const root = /Root cause: (.*)$/.exec(message[0] ?? '')?.[1];
  const cause = task ? `tasks stopped: ${task[2] ?? task[1]}` : root ?? message[0] ?? '';
  return { cause: shorten(cause), detail: message, ...(fix ? { fix } : {}) };
}

function shorten(text: string): string {
  return text.length <= CAUSE_MAX ? text : `${text.slice(0, CAUSE_MAX - 1)}…`;
}

/**
 * The whole error as wrapped text: one quoted paragraph per line (GitHub wraps prose, not a code block), escaped,
 * then the fix in bold. Long tokens (ARNs) break because github-markdown-css sets word-wrap: break-word.
 */
export function renderFailure(step: string, f: Failure): string {
  const lines = [`**${step} failed: ${plain(f.cause)}**`];
  if (f.detail.length) lines.push('', ...f.detail.flatMap((l, i) => [...(i ? ['>'] : []), `> ${plain(l)}`]));
  if (f.fix) lines.push('', `**Fix:** ${prose(f.fix)}`);
  return lines.join('\n');
}
