/**
 * The link control of each article of a rule (# 链接, see
 * src/components/CopyArticleLink.astro). A click copies the article's address,
 * as before, and opens the article's citation under its first line: both
 * styles, formatted here from the document's citation source that the 引用
 * panel carries, with the article's anchor address and a choice of 款 when
 * the article has several. When the page was opened at a 款 or 项
 * (…/#第八条第二款), the citation starts at that 款 or 项.
 */
import { citations, pinpointLabel, type CiteSource } from '../lib/cite/index.ts';
import { copyText } from './clipboard.ts';
import { copyCitation } from './cite-panel.ts';

interface Citing {
  source: CiteSource;
  citedOn: string | undefined;
  box: HTMLElement;
}

/** The document's citation source and date, from the 引用 panel, and the citation box; undefined when the page has neither. */
function citingFromPage(): Citing | undefined {
  const panel = document.querySelector<HTMLElement>('[data-cite-source]');
  const box = document.getElementById('article-cite');
  if (!panel?.dataset.citeSource || !box) return undefined;
  return { source: JSON.parse(panel.dataset.citeSource) as CiteSource, citedOn: panel.dataset.citeDate || undefined, box };
}

/** The parts of an article a citation can name: the whole article, each 款 when there are several, and the anchor the page was opened at. */
function scopes(section: HTMLElement, opened: string): string[] {
  const article = section.id;
  // A 款 made only of 项 has its anchor on the article's first line (p.article-caption).
  const paragraphs = [...section.querySelectorAll<HTMLElement>('p.paragraph[id], p.article-caption[id]')].map((p) => p.id);
  const list = [article, ...(paragraphs.length > 1 ? paragraphs : [])];
  if (opened.startsWith(article) && opened !== article && !list.includes(opened) && section.querySelector(`[id="${CSS.escape(opened)}"]`)) {
    list.push(opened);
  }
  return list;
}

function render(citing: Citing, anchor: string): void {
  const texts = citations(citing.source, { citedOn: citing.citedOn, pinpoint: anchor });
  for (const [style, text] of Object.entries(texts)) {
    const target = citing.box.querySelector<HTMLElement>(`[data-cite-style="${style}"]`);
    if (target) target.textContent = text;
  }
}

function open(citing: Citing, section: HTMLElement, link: HTMLAnchorElement, opened: string): void {
  const { box } = citing;
  const label = section.querySelector('.article-number')?.textContent ?? section.id;
  const title = box.querySelector<HTMLElement>('.article-cite-title');
  if (title) title.textContent = `引用${label}`;
  const select = box.querySelector<HTMLSelectElement>('select');
  const list = scopes(section, opened);
  if (select) {
    select.replaceChildren(
      ...list.map((anchor) => new Option(anchor === section.id ? `全条（${pinpointLabel(anchor)}）` : pinpointLabel(anchor).slice(pinpointLabel(section.id).length), anchor)),
    );
    select.value = list.includes(opened) ? opened : section.id;
    select.closest('label')!.hidden = list.length < 2;
  }
  render(citing, select?.value ?? section.id);
  // Right under the article's first line, so the citation is read with the article and Tab reaches it next.
  const caption = link.closest('p') ?? section.firstElementChild;
  if (caption?.nextElementSibling !== box) caption?.after(box);
  box.dataset.link = section.id;
  box.hidden = false;
}

function close(box: HTMLElement): void {
  box.hidden = true;
  const link = box.dataset.link ? document.querySelector<HTMLElement>(`section.article[id="${CSS.escape(box.dataset.link)}"] a.copy-link`) : null;
  link?.focus();
}

/** Makes every article's link control copy the address and offer the article's citation. */
export function startArticleLinks(): void {
  const status = document.querySelector<HTMLElement>('.copy-status');
  const citing = citingFromPage();
  if (citing) {
    const { box } = citing;
    box.querySelector('select')?.addEventListener('change', (event) => render(citing, (event.target as HTMLSelectElement).value));
    box.querySelector('.article-cite-close')?.addEventListener('click', () => close(box));
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close(box);
    });
    for (const button of box.querySelectorAll<HTMLButtonElement>('button.cite-copy')) {
      button.addEventListener('click', () => void copyCitation(button, status));
    }
  }
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a.copy-link');
    if (!link) return;
    // Read before the link moves the address to the article itself.
    const opened = decodeURIComponent(location.hash.slice(1));
    const section = link.closest<HTMLElement>('section.article');
    if (citing && section) open(citing, section, link, opened);
    const url = new URL(link.getAttribute('href') ?? '', location.href).href;
    void copyText(url).then((ok) => {
      if (!status) return;
      if (!ok) {
        status.textContent = '无法复制，请从地址栏复制链接。';
        return;
      }
      status.textContent = `已复制链接：${decodeURI(url)}${citing ? '。本条的引文见条文下方。' : ''}`;
      link.classList.add('copied');
      setTimeout(() => link.classList.remove('copied'), 2000);
    });
  });
}
