import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { bodyElementHtml, searchablePage, searchableTree } from '../../../src/lib/search/page-text.ts';
import { indexHtml } from '../../../src/lib/search/index-html.ts';
import { BLOCK_END, CHARACTERS_MARK, characterSet, FILLER, TITLE_SLOT, tokenize } from '../../../src/lib/search/tokens.ts';

const PAGE = `<!doctype html><html lang="zh-CN"><body><nav>首页 浏览</nav>
<article data-pagefind-body>
  <h1 data-pagefind-meta="title">议事规则</h1>
  <div hidden data-pagefind-ignore><span data-pagefind-filter="type:rule"></span><span data-pagefind-sort="date:2023"></span></div>
  <div data-pagefind-ignore><dl><dt>类型</dt><dd>规则</dd></dl></div>
  <h2 id="第一章">第一章　总则</h2>
  <p id="第一条">第一条　区委<strong>书记</strong>主持。</p>
  <p>各方面<mark class="garbled" data-pagefind-ignore>?!耙桓</mark>由人大产生</p>
</article></body></html>`;

describe('searchable text of a page', () => {
  it('takes the title, blocks, anchors and keys, and leaves out ignored parts', () => {
    expect(searchablePage(PAGE)).toEqual({
      title: '议事规则',
      blocks: [
        { anchors: ['第一章'], text: '第一章 总则' },
        { anchors: ['第一条'], text: '第一条 区委书记主持。' },
        { anchors: [], text: '各方面' },
        { anchors: [], text: '由人大产生' },
      ],
      filters: ['type:rule'],
      meta: ['title:议事规则'],
      sort: ['date:2023'],
    });
  });

  it('pages without data-pagefind-body are not documents', () => {
    expect(searchablePage('<html><body><h1>浏览</h1></body></html>')).toBeUndefined();
  });

  it('index HTML fills the title slot and keeps anchors and keys', () => {
    const html = indexHtml(searchablePage(PAGE)!, (t) => t);
    const title = /<h1>([^<]*)<\/h1>/.exec(html)![1]!.split(' ');
    expect(title).toHaveLength(TITLE_SLOT);
    // The title's tokens, then its characters once.
    const [yi, shi, gui, ze] = characterSet('议事规则');
    expect(title.slice(0, 11)).toEqual([...tokenize('议事规则'), CHARACTERS_MARK, yi, FILLER, shi, FILLER, gui, FILLER, ze]);
    expect(html).toContain(`<span id="第一条"></span><p>${[...tokenize('第一条 区委书记主持。'), BLOCK_END].join(' ')}</p>`);
    // Every block ends in BLOCK_END, so Pagefind glues no full stop to a word and indexes no parts of it.
    const blocks = [...html.matchAll(/<(h1|p)>([^<]*)<\/\1>/g)].map((m) => m[2]!.split(' '));
    expect(blocks.length).toBe(6);
    for (const block of blocks) expect(block.at(-1)).toBe(BLOCK_END);
    expect(html).toContain('<span data-pagefind-filter="type:rule"></span>');
    expect(html).toContain('<span data-pagefind-meta="title:议事规则"></span>');
    expect(html).not.toContain('耙桓');
    // The page ends with each of its characters once, after the mark.
    const last = /<p>([^<]*)<\/p><\/main>/.exec(html)![1]!.split(' ');
    expect(last[0]).toBe(CHARACTERS_MARK);
    const list = last.slice(1, -1);
    const listed = list.filter((token) => token !== FILLER);
    expect(new Set(listed).size).toBe(listed.length);
    expect(list.every((token, i) => (i % 2 === 1) === (token === FILLER))).toBe(true);
    expect(last).toContain(characterSet('主')[0]);
  });
});

describe('parsing only the body element', () => {
  const page = (article: string, after = '<aside><article><p>相关文件</p></article></aside>') =>
    `<!doctype html><html><head><title>议事规则</title><script>const x = "<article data-pagefind-ignore>";</script></head><body><nav>首页</nav>${article}${after}</body></html>`;
  const tricky = [
    // Nested elements of the same name, a comment and a script holding end tags, attribute values holding tags.
    page('<article data-pagefind-body><h1>规则</h1><article><p>内嵌</p></article><!-- </article> --><script type="module">"</article>"</script><p title="</article> <article x>">第一条</p></article>'),
    page(`<ARTICLE data-pagefind-body class='a>b'><h1>大写</h1><p data-x='</article>'>正文</p></Article>`),
    page('<article data-pagefind-body><h1>未闭合</h1><p>正文'),
    page('<article data-pagefind-body><h1>注释未闭合</h1><!-- <p>正文</p></article>'),
    // An earlier attribute's value holds a tag start: the `<` nearest the attribute is not the element's.
    page('<article title="见 <p class" data-pagefind-body><h1>属性中的标签</h1><p>正文</p></article>'),
  ];

  it('cuts exactly the element, counting nested ones and skipping comments, scripts and attribute values', () => {
    expect(bodyElementHtml(tricky[0]!)).toBe(
      '<article data-pagefind-body><h1>规则</h1><article><p>内嵌</p></article><!-- </article> --><script type="module">"</article>"</script><p title="</article> <article x>">第一条</p></article>',
    );
    expect(bodyElementHtml(tricky[1]!)).toBe(`<ARTICLE data-pagefind-body class='a>b'><h1>大写</h1><p data-x='</article>'>正文</p></Article>`);
  });

  it('leaves a page whose cut is uncertain to the whole-page parse', () => {
    expect(bodyElementHtml(tricky[2]!)).toBeUndefined();
    expect(bodyElementHtml(tricky[3]!)).toBeUndefined();
    expect(bodyElementHtml(tricky[4]!)).toBeUndefined();
    expect(bodyElementHtml(`${tricky[0]}<p>data-pagefind-body</p>`)).toBeUndefined();
  });

  it('reads every page as the whole-page parse does', () => {
    for (const html of [...tricky, PAGE]) expect(searchablePage(html)).toEqual(searchableTree(fromHtml(html)));
    expect(searchablePage(tricky[0]!)?.blocks.map((block) => block.text)).toEqual(expect.arrayContaining(['内嵌', '第一条']));
  });
});
