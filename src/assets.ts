import { join } from 'node:path';

/**
 * Folders that ship beside dist/ in the action's checkout (templates/, dashboards/). This file sits
 * directly under src/, and ncc bundles it into dist/index.js one level below the root too, so the
 * same relative path works from the sources (tests) and from the bundle.
 */
export function assetDir(name: 'templates' | 'dashboards'): string {
  return join(__dirname, '..', name);
}
