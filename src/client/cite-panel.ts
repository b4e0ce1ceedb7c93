/**
 * The copy buttons of the 引用 panel (src/components/CitePanel.astro) and of
 * an article's citation (src/client/article-links.ts): a button names the
 * element whose text it copies in `data-copy` and its style in `data-label`;
 * the panel's status line announces the result to screen readers.
 */
import { copyText, flashButton } from './clipboard.ts';

/** Copies the citation a `button.cite-copy` points at and says so in `status`. */
export async function copyCitation(button: HTMLElement, status: HTMLElement | null): Promise<void> {
  const target = button.dataset.copy ? document.getElementById(button.dataset.copy) : null;
  if (!target) return;
  const label = button.dataset.label ?? '';
  const ok = await copyText(target.textContent ?? '', target);
  if (ok) flashButton(button);
  if (status) status.textContent = ok ? `已复制${label}格式的引文。` : '无法自动复制：引文已选中，请按 Ctrl+C（Mac 上为 ⌘C）复制。';
}

/** Shows the panel's copy buttons and makes them copy. */
export function startCitePanel(root: ParentNode = document): void {
  const panel = root.querySelector<HTMLElement>('.cite-panel');
  if (!panel) return;
  const status = panel.querySelector<HTMLElement>('.cite-status');
  for (const button of panel.querySelectorAll<HTMLButtonElement>('button.cite-copy')) {
    button.hidden = false;
    button.addEventListener('click', () => void copyCitation(button, status));
  }
}
