/**
 * The reader's colour scheme: follow the system (prefers-color-scheme), or
 * always light, or always dark. The choice is kept in localStorage and set as
 * `data-scheme` on <html> by a small blocking script in <head> (the site's
 * CSP forbids inline scripts), so the page is painted in it from the start.
 * No attribute means "follow the system"; the stylesheet does the rest.
 */

/** The choices, in the order the toggle offers them, with their labels. */
export const COLOR_SCHEMES = {
  system: '跟随系统',
  light: '浅色',
  dark: '深色',
} as const;

/** A reader's choice, e.g. `dark` (深色). */
export type ColorScheme = keyof typeof COLOR_SCHEMES;

/** localStorage key of the choice. */
export const SCHEME_STORAGE_KEY = 'wenyuan-color-scheme';

/** Attribute on <html> that holds a fixed choice (`light` or `dark`); absent: follow the system. */
export const SCHEME_ATTRIBUTE = 'data-scheme';

/**
 * Attribute the head script puts on <html> whatever the choice: scripts run,
 * so controls that need them (the toggle) are shown from the first paint
 * instead of appearing later and pushing the page down.
 */
export const SCRIPTS_ATTRIBUTE = 'data-js';

/** Public path of the script that applies the stored choice before first paint. */
export const SCHEME_SCRIPT_PATH = '/color-scheme.js';

/** Reads a stored value; anything unknown (or nothing) means `system`. */
export function parseColorScheme(value: string | null | undefined): ColorScheme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The value of SCHEME_ATTRIBUTE for a choice; undefined for `system` (the attribute is removed). */
export function schemeAttribute(scheme: ColorScheme): 'light' | 'dark' | undefined {
  return scheme === 'system' ? undefined : scheme;
}

/**
 * The text of the head script: marks <html> as scripted, reads the stored
 * choice and sets the scheme attribute.
 * Storage can be unavailable (private modes, blocked cookies); the page then
 * follows the system. Written as plain ES5 so it runs before anything else
 * loads, on any browser.
 */
export function schemeScriptSource(): string {
  const key = JSON.stringify(SCHEME_STORAGE_KEY);
  const attribute = JSON.stringify(SCHEME_ATTRIBUTE);
  return [
    '// Sets the reader\'s colour scheme before the page is painted (see src/lib/color-scheme.ts).',
    '(function () {',
    `  document.documentElement.setAttribute(${JSON.stringify(SCRIPTS_ATTRIBUTE)}, "");`,
    '  try {',
    `    var scheme = window.localStorage.getItem(${key});`,
    `    if (scheme === "light" || scheme === "dark") document.documentElement.setAttribute(${attribute}, scheme);`,
    '  } catch (error) {}',
    '})();',
    '',
  ].join('\n');
}
