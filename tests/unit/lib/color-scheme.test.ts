import { describe, expect, it } from 'vitest';
import {
  COLOR_SCHEMES,
  parseColorScheme,
  schemeAttribute,
  SCHEME_ATTRIBUTE,
  SCHEME_STORAGE_KEY,
  SCRIPTS_ATTRIBUTE,
  schemeScriptSource,
} from '../../../src/lib/color-scheme.ts';

/** Runs the head script against a stand-in <html> and localStorage; returns the attributes it set. */
function runHeadScript(storage: { getItem: (key: string) => string | null }): Record<string, string> {
  const attributes: Record<string, string> = {};
  const documentElement = { setAttribute: (name: string, value: string) => void (attributes[name] = value) };
  new Function('window', 'document', schemeScriptSource())({ localStorage: storage }, { documentElement });
  return attributes;
}

describe('colour scheme choice', () => {
  it('offers following the system, light and dark, in that order, with Chinese labels', () => {
    expect(Object.entries(COLOR_SCHEMES)).toEqual([['system', '跟随系统'], ['light', '浅色'], ['dark', '深色']]);
  });

  it('reads a stored value; anything else follows the system', () => {
    expect(parseColorScheme('dark')).toBe('dark');
    expect(parseColorScheme('light')).toBe('light');
    for (const value of ['system', 'Dark', '', null, undefined, 'sepia']) expect(parseColorScheme(value)).toBe('system');
  });

  it('sets the attribute only for a fixed choice', () => {
    expect(schemeAttribute('dark')).toBe('dark');
    expect(schemeAttribute('light')).toBe('light');
    expect(schemeAttribute('system')).toBeUndefined();
  });
});

describe('the head script', () => {
  it('applies a stored dark or light choice to <html>', () => {
    for (const scheme of ['dark', 'light']) {
      const attributes = runHeadScript({ getItem: (key) => (key === SCHEME_STORAGE_KEY ? scheme : null) });
      expect(attributes).toEqual({ [SCRIPTS_ATTRIBUTE]: '', [SCHEME_ATTRIBUTE]: scheme });
    }
  });

  it('leaves the page to the system when nothing or something unknown is stored', () => {
    expect(runHeadScript({ getItem: () => null })).toEqual({ [SCRIPTS_ATTRIBUTE]: '' });
    expect(runHeadScript({ getItem: () => 'url(javascript:alert(1))' })).toEqual({ [SCRIPTS_ATTRIBUTE]: '' });
  });

  it('does not throw when storage is refused (private modes)', () => {
    expect(
      runHeadScript({
        getItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toEqual({ [SCRIPTS_ATTRIBUTE]: '' });
  });

  it('is plain ES5 with no template or arrow syntax, so any browser runs it before first paint', () => {
    const source = schemeScriptSource();
    expect(source).not.toMatch(/=>|`|\blet\b|\bconst\b/);
  });
});
