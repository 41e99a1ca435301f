import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { VIEWPORT } from './github-html';

/** The Chromium scripts/install-chromium.sh finds or installs (Debian's `chromium`; CHROMIUM= overrides). */
export function chromiumPath(): string {
  // Run from scripts/ (ts-jest) or from build/scripts/ (tsc): the script is in the checkout's scripts/ either way.
  let dir = __dirname;
  while (!existsSync(join(dir, 'scripts', 'install-chromium.sh')) && dirname(dir) !== dir) dir = dirname(dir);
  const script = join(dir, 'scripts', 'install-chromium.sh');
  return execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/**
 * Flags for a headless Chromium on a closed network, as root: without the network ones it stalls on Google's hosts
 * (component updates, sync, QUIC probes), and as root it refuses to start with its sandbox on.
 */
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface OpenBrowser {
  /** The one context of the fresh profile, with the reviewer's window (VIEWPORT) for every page. */
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh Chromium with a profile of its own (removed on close), driven by Playwright over CDP. Playwright takes the
 * profile as launchPersistentContext's argument (it refuses a --user-data-dir flag).
 */
export async function openBrowser(executablePath = chromiumPath()): Promise<OpenBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'comment-view-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath, headless: true, args: FLAGS, viewport: VIEWPORT, deviceScaleFactor: 1, offline: true, timeout: 60_000,
    });
    return {
      context,
      async close() {
        await context.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}
