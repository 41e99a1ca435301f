import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The checkout's root (where action.yml is), found from a file both as TypeScript (sandbox/src/…)
 * and compiled (build/sandbox/src/…).
 */
export function projectRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'action.yml'))) return dir;
  }
  throw new Error(`action.yml not found above ${from}`);
}
