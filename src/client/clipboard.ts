/**
 * Copying text for the citation and link controls. Where the Clipboard API
 * is missing or refused (an insecure origin, a denied permission), the text
 * is selected instead, so the reader copies it with the keyboard.
 */

/** Selects the whole text of `element`. */
export function selectText(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Puts `text` on the clipboard; resolves false (and selects `fallback`, when given) when that is not possible. */
export async function copyText(text: string, fallback?: Element): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallback) selectText(fallback);
    return false;
  }
}

/** Shows `done` on a copy button for two seconds, then its label again. */
export function flashButton(button: HTMLElement, done = '已复制'): void {
  const label = button.dataset.idleText ?? button.textContent ?? '';
  button.dataset.idleText = label;
  button.textContent = done;
  window.setTimeout(() => {
    button.textContent = label;
  }, 2000);
}
