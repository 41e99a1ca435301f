// How GitHub and the runner read what the action writes, for tests that check untrusted text cannot
// change that reading: markdown's live lines and markup (cmark-gfm's rules), and workflow commands.

/** A body's lines outside fenced code blocks, where markdown and HTML are live. */
export function liveLines(body: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const m = /^ {0,3}(`{3,})/.exec(line);
    if (fence) {
      if (m && m[1].length >= fence.length && /^ {0,3}`+\s*$/.test(line)) fence = undefined;
    } else if (m) fence = m[1];
    else out.push(line);
  }
  return out;
}

/** A line with code spans and backslash-escaped punctuation taken out: what markdown still reads as markup. */
export function visible(line: string): string {
  let out = '';
  for (let i = 0; i < line.length;) {
    if (line[i] === '\\' && /[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) i += 2;
    else if (line[i] === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.slice(i + run.length).search(new RegExp(`(?<!\`)${run}(?!\`)`));
      if (close < 0) {
        out += run;
        i += run.length;
      } else i += run.length + close + run.length;
    } else out += line[i++];
  }
  return out;
}

/** A table row's cells as cmark-gfm splits them: `\` + ASCII punctuation is one escaped pair; any other pipe ends a cell. */
export function cellCount(row: string): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && /[!-/:-@[-`{-~]/.test(row[i + 1] ?? '')) i++;
    else if (row[i] === '|') n++;
  }
  return n - 1;
}

/**
 * The workflow commands the runner would act on in `log`: a line whose first non-blank characters
 * are `::`, except between `::stop-commands::<token>` and `::<token>::`.
 */
export function commandsIn(log: string): { name: string; data: string }[] {
  const commands: { name: string; data: string }[] = [];
  let stopToken: string | undefined;
  for (const line of log.split(/\r?\n/)) {
    if (stopToken) {
      if (line.trim() === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^\s*::([^\s:]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!m) {
      // v1 commands are found anywhere on a line.
      if (line.includes('##[')) commands.push({ name: 'v1', data: line });
      continue;
    }
    commands.push({ name: m[1], data: m[2] });
    if (m[1] === 'stop-commands') stopToken = m[2];
  }
  // A block never resumed would swallow the action's own later commands.
  if (stopToken) commands.push({ name: 'unresumed-stop-commands', data: stopToken });
  return commands;
}
