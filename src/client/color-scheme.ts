/**
 * The colour-scheme toggle in the browser: shows the choice, applies a new
 * one at once (the `data-scheme` attribute the stylesheet reads) and keeps it
 * in localStorage for the head script of the next page (see lib/color-scheme).
 */
import { parseColorScheme, schemeAttribute, SCHEME_ATTRIBUTE, SCHEME_STORAGE_KEY, type ColorScheme } from '../lib/color-scheme.ts';

function stored(): ColorScheme {
  try {
    return parseColorScheme(localStorage.getItem(SCHEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

function apply(scheme: ColorScheme): void {
  const value = schemeAttribute(scheme);
  if (value) document.documentElement.setAttribute(SCHEME_ATTRIBUTE, value);
  else document.documentElement.removeAttribute(SCHEME_ATTRIBUTE);
  try {
    if (scheme === 'system') localStorage.removeItem(SCHEME_STORAGE_KEY);
    else localStorage.setItem(SCHEME_STORAGE_KEY, scheme);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
}

/** Wires every `.scheme-toggle` on the page (the stylesheet shows them once the head script has run). */
export function startSchemeToggle(root: ParentNode = document): void {
  for (const group of root.querySelectorAll<HTMLElement>('.scheme-toggle')) {
    const buttons = [...group.querySelectorAll<HTMLButtonElement>('button[data-scheme-choice]')];
    const show = (scheme: ColorScheme) => {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.schemeChoice === scheme));
    };
    for (const button of buttons) {
      button.addEventListener('click', () => {
        const scheme = parseColorScheme(button.dataset.schemeChoice);
        apply(scheme);
        show(scheme);
      });
    }
    show(stored());
  }
}
