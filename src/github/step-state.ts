import * as core from '@actions/core';

/**
 * A value the main step leaves for its post step (action state, GITHUB_STATE), as JSON. Only the
 * runner's state file is written: without one there is no post step to read it. `undefined` clears it.
 */
export function saveStepState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) core.saveState(name, value === undefined ? '' : JSON.stringify(value));
}

/**
 * What the main step saved under `name` and did not clear, if `accept` recognises it: the post step
 * runs whatever the state file says, so anything not of the shape the main step writes is ignored.
 */
export function readStepState<T>(name: string, accept: (saved: unknown) => T | undefined): T | undefined {
  const text = core.getState(name);
  if (!text) return undefined;
  try {
    return accept(JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
