import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { EOL } from 'node:os';

/**
 * Text the runner would read as a workflow command: `::name::` after leading blanks (the v2
 * syntax) or `##[name]` anywhere on a line (v1). Dashboard titles, file names and error bodies
 * reach the log and come from a PR's checkout or a remote server, so they may carry either.
 */
const COMMAND_LIKE = /^\s*::|##\[/m;

/**
 * core.info for text that may be untrusted. Text that looks like a command is printed between
 * `::stop-commands::<token>` and `::<token>::` with an unguessable token, GitHub's own way to print
 * such text verbatim; everything else goes straight to core.info.
 * (core.warning, core.error, core.setFailed and core.debug are safe: they escape their message as
 * command data.)
 */
export function info(text: string): void {
  if (!COMMAND_LIKE.test(text)) {
    core.info(text);
    return;
  }
  const token = randomBytes(16).toString('hex');
  process.stdout.write(`::stop-commands::${token}${EOL}${text}${EOL}::${token}::${EOL}`);
}

/** A group title is a command's data: one line, and never able to end the group it names. */
export function startGroup(title: string): void {
  core.startGroup(title.replace(/[\r\n]+/g, ' '));
}
