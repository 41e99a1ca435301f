import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetDir } from '../assets';

/** Templates are read from the checkout rather than bundled, so there is no second copy to drift. */
export function readTemplate(name: string): string {
  return readFileSync(join(assetDir('templates'), name), 'utf8');
}
