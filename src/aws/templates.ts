import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Templates ship beside dist/ in the action's checkout (templates/ at the repository root), so the
 * bundle reads them from disk rather than carrying a second copy that could drift.
 */
export function readTemplate(name: string): string {
  return readFileSync(join(__dirname, '..', 'templates', name), 'utf8');
}
