/**
 * Preview cards for links to other archive documents (`a[data-preview]`:
 * resolved citations in the text, 引用文件, 被引用, 相关文件). Hovering a link
 * with a mouse, or focusing it from the keyboard, shows a card with the
 * document's title, type, date, issuer and status, and for an article link
 * (…/#第八条) the article's first sentence, read from the document's small
 * preview file (src/lib/previews/files.ts), one request per card and one more
 * for an article of a long rule.
 *
 * The card follows the WAI-ARIA tooltip pattern: `role="tooltip"`, named by
 * the link's `aria-describedby` while open, no focusable content; it stays
 * open while the pointer is over it, closes on Escape, and is set above or
 * below the link, never over it. On touch screens a tap still follows the
 * link: a small toggle after each link (shown where there is no hover, or
 * once the page has been touched) opens and closes the card. While a card is
 * open, the link's `title` (its no-script description) is set aside, so the
 * browser's own tooltip does not double it.
 */
import { FIELD_LABELS } from '../lib/field-labels.ts';
import { formatPartialDate } from '../lib/partial-date.ts';
import { articleKey, articleOf, documentTarget, partOf, previewHref, typeLabel, type ArticleLeads, type PreviewCard, type PreviewPart } from '../lib/previews/card.ts';

/** Pause before a hovered link opens its card, and before a card the pointer left closes, so passing over links does not flash cards. */
const OPEN_DELAY = 350;
const CLOSE_DELAY = 300;
/** Space between the link and its card, in CSS pixels. */
const GAP = 6;

interface Preview {
  card: PreviewCard;
  article?: string;
  sentence?: string;
}

const files = new Map<string, Promise<unknown>>();

/** A preview file, fetched once per page; undefined when it is missing (under `npm run dev`) or unreadable. */
function load<T>(href: string): Promise<T | undefined> {
  let file = files.get(href);
  if (!file) {
    file = fetch(href)
      .then((response) => (response.ok ? response.json() : undefined))
      .catch(() => undefined);
    files.set(href, file);
  }
  return file as Promise<T | undefined>;
}

/** What the card of `link` shows; undefined when the link is not to an archive document or its file is missing. */
async function previewOf(link: HTMLAnchorElement): Promise<Preview | undefined> {
  const url = new URL(link.href, location.href);
  const target = url.origin === location.origin ? documentTarget(url.pathname, url.hash) : undefined;
  if (!target) return undefined;
  const card = await load<PreviewCard>(previewHref(target.id));
  if (!card) return undefined;
  const article = target.anchor ? articleOf(target.anchor) : undefined;
  if (!article) return { card };
  let leads: ArticleLeads | undefined = card.articles;
  if (!leads && card.parts) {
    const part = partOf(card.parts, articleKey(article));
    leads = part === undefined ? undefined : (await load<PreviewPart>(previewHref(target.id, part)))?.articles;
  }
  const sentence = leads && Object.hasOwn(leads, article) ? leads[article] : undefined;
  return { card, article, ...(sentence ? { sentence } : {}) };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fills the card: title (with the article), fields the document has, the article's first sentence. */
function render(box: HTMLElement, { card, article, sentence }: Preview): void {
  const title = element('p', 'doc-preview-title', card.title);
  if (article) title.append(' ', element('span', 'doc-preview-pinpoint', article));
  const rows: Array<[string, string | undefined]> = [
    [FIELD_LABELS.type, typeLabel(card.type)],
    [FIELD_LABELS.date, formatPartialDate(card.date)],
    [FIELD_LABELS.issuer, card.issuer],
    [FIELD_LABELS.speaker, card.speaker],
    [FIELD_LABELS.status, card.status],
  ];
  const fields = element('dl', 'doc-preview-fields');
  for (const [label, value] of rows) {
    if (!value) continue;
    const row = element('div', 'doc-preview-field');
    row.append(element('dt', '', label), element('dd', '', value));
    fields.append(row);
  }
  box.replaceChildren(title, fields);
  if (sentence) box.append(element('p', 'doc-preview-sentence', sentence));
}

/** The box of the link and, when shown, its touch toggle: the card must cover neither. */
function anchorBox(link: HTMLElement, toggle: HTMLElement | undefined): { top: number; bottom: number; left: number } {
  const rects = [link.getBoundingClientRect(), ...(toggle && toggle.getClientRects().length > 0 ? [toggle.getBoundingClientRect()] : [])];
  return { top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)), left: rects[0]!.left };
}

/** Sets the card below the link, or above it when there is more room there; never over it. */
function place(box: HTMLElement, link: HTMLElement, toggle: HTMLElement | undefined): void {
  const rect = anchorBox(link, toggle);
  const { offsetWidth: width, offsetHeight: height } = box;
  const viewWidth = document.documentElement.clientWidth;
  const below = window.innerHeight - rect.bottom;
  const top = below >= height + GAP || below >= rect.top ? rect.bottom + GAP : rect.top - GAP - height;
  const left = Math.max(GAP, Math.min(rect.left, viewWidth - width - GAP));
  box.style.setProperty('top', `${Math.round(top)}px`);
  box.style.setProperty('left', `${Math.round(left)}px`);
}

/** Starts the previews for every `a[data-preview]` on the page. */
export function startPreviews(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-preview]')];
  if (links.length === 0) return;
  const box = element('div', 'doc-preview');
  box.id = 'doc-preview';
  box.setAttribute('role', 'tooltip');
  box.dataset.testid = 'doc-preview';
  box.hidden = true;
  // Inside <main>, so that all content stays within a landmark.
  (document.querySelector('main') ?? document.body).append(box);

  let current: HTMLAnchorElement | undefined;
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The link a pointer is pressing: its focus comes from a click or tap, not the keyboard. */
  let pressed: HTMLAnchorElement | undefined;
  const toggles = new Map<HTMLAnchorElement, HTMLButtonElement>();

  const wait = (ms: number, then: () => void) => {
    clearTimeout(timer);
    timer = setTimeout(then, ms);
  };

  const close = () => {
    clearTimeout(timer);
    request++;
    if (!current) return;
    const link = current;
    current = undefined;
    box.hidden = true;
    box.replaceChildren();
    link.removeAttribute('aria-describedby');
    if (link.dataset.previewTitle !== undefined) {
      link.title = link.dataset.previewTitle;
      delete link.dataset.previewTitle;
    }
    toggles.get(link)?.setAttribute('aria-expanded', 'false');
  };

  const open = async (link: HTMLAnchorElement) => {
    clearTimeout(timer);
    if (current === link && !box.hidden) return;
    close();
    const mine = ++request;
    const preview = await previewOf(link);
    if (mine !== request || !preview) return;
    current = link;
    render(box, preview);
    box.hidden = false;
    place(box, link, toggles.get(link));
    if (link.hasAttribute('title')) {
      link.dataset.previewTitle = link.title;
      link.removeAttribute('title');
    }
    link.setAttribute('aria-describedby', box.id);
    toggles.get(link)?.setAttribute('aria-expanded', 'true');
  };

  for (const link of links) {
    link.addEventListener('pointerenter', (event) => {
      if (event.pointerType !== 'touch') wait(OPEN_DELAY, () => void open(link));
    });
    link.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch') wait(CLOSE_DELAY, close);
    });
    link.addEventListener('pointerdown', () => {
      pressed = link;
    });
    link.addEventListener('focus', () => {
      if (pressed !== link) void open(link);
    });
    link.addEventListener('blur', () => {
      pressed = undefined;
      if (current === link) close();
    });

    const toggle = element('button', 'preview-toggle');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', box.id);
    toggle.setAttribute('aria-label', `预览：${link.textContent?.trim() ?? ''}`);
    toggle.dataset.testid = 'preview-toggle';
    toggle.addEventListener('click', () => {
      if (current === link) close();
      else void open(link);
    });
    toggles.set(link, toggle);
    link.after(toggle);
  }

  box.addEventListener('pointerenter', () => clearTimeout(timer));
  box.addEventListener('pointerleave', (event) => {
    if (event.pointerType !== 'touch') wait(CLOSE_DELAY, close);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && current) close();
  });
  document.addEventListener('pointerdown', (event) => {
    // A touch shows the toggles, also on screens that report hover.
    if (event.pointerType === 'touch') document.documentElement.classList.add('previews-touch');
    const target = event.target as Node;
    if (current && !box.contains(target) && ![...toggles.values()].some((t) => t.contains(target)) && !current.contains(target)) close();
  });
  const follow = () => {
    if (current) place(box, current, toggles.get(current));
  };
  window.addEventListener('scroll', follow, { passive: true });
  window.addEventListener('resize', follow);
}
