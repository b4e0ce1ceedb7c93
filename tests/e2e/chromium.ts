/**
 * Where the browser tests find Chromium, and whether they may skip without it.
 * In CI (CI=true) or with WENYUAN_E2E=required a missing browser is an error.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when browser tests must run (CI, or asked for explicitly). */
export const BROWSER_REQUIRED = process.env.CI === 'true' || process.env.WENYUAN_E2E === 'required';

/** True when there is a browser to run the tests with. */
export const HAVE_BROWSER = existsSync(CHROMIUM_PATH);

/** Starts headless Chromium with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
