/** The plain-text version: metadata on top, then the text as the page shows it. */
import { readFileSync } from 'node:fs';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { unifiedOptions } from '../../../src/markdown/index.ts';
import { documentText, htmlToText } from '../../../src/lib/export/text.ts';
import { RULE, documentData } from './documents.ts';

/** The blocks' text as an HTML parser gives it, for comparison with htmlToText's tag scanner. */
function parsedBlocks(html: string): string[] {
  const blocks: string[] = [];
  const walk = (node: Nodes, inBlock: boolean): string => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element' && node.type !== 'root') return '';
    const element = node as Element;
    if (node.type === 'element' && String(element.properties.className ?? '').includes('article-tools')) return '';
    const block = node.type === 'element' && ['p', 'h2', 'h3', 'h4', 'li'].includes(element.tagName);
    const text = node.children.map((child) => walk(child, inBlock || block)).join('');
    if (block && !inBlock) blocks.push(text.replace(/\n/g, '').trim());
    return text;
  };
  walk(fromHtml(html, { fragment: true }), false);
  return blocks.filter(Boolean);
}

describe('htmlToText', () => {
  it('makes one paragraph per block, leaves out article tools and keeps garbled text', () => {
    const html = [
      '<h2 id="第一章">第一章　总则</h2>',
      '<section class="article"><p><strong class="article-number">第一条</strong><span class="article-tools" data-pagefind-ignore=""><a class="copy-link" href="#x">#</a><a href="/history/">沿革</a></span>　为了规范\n议事活动，制定本规则。</p></section>',
      '<p>同志们：<mark class="garbled" data-pagefind-ignore="">?!耙桓</mark>要加强<br>建设。</p>',
      '<table><tr><th>项目</th><th>金额</th></tr><tr><td>合计</td><td>100</td></tr></table>',
      '<p>&lt;script&gt;不执行&lt;/script&gt; 与 A &amp; B</p>',
    ].join('\n');
    expect(htmlToText(html)).toBe(
      ['第一章　总则', '第一条　为了规范议事活动，制定本规则。', '同志们：?!耙桓要加强\n建设。', '项目\t金额', '合计\t100', '<script>不执行</script> 与 A & B'].join('\n\n'),
    );
  });

  it('reads the archive’s rendering of a real rule as an HTML parser does', async () => {
    const source = readFileSync('tests/fixtures/site/content/rules/2024-09-27-beijingshi-geji-69d0.md', 'utf8');
    const renderer = await unified(unifiedOptions).createRenderer({});
    const { code } = await renderer.render(parseFrontmatter(source).content);
    const text = htmlToText(code);
    expect(text.split('\n\n')).toEqual(parsedBlocks(code));
    expect(text).toContain('第八条');
    expect(text).not.toMatch(/<|&#x|&lt;/);
  });
});

describe('documentText', () => {
  it('puts the title and the labelled metadata above the text', () => {
    const text = documentText(documentData({ ...RULE, effective: '2023-03' }), 'https://wenyuan.example/documents/x/', '第一条　正文。');
    expect(text).toBe(
      [
        '青禾区人民代表大会常务委员会议事规则',
        '',
        '类型：规则/办法/条例',
        '日期：2023年3月1日',
        '发文机关：青禾区人大常委会',
        '地区：北京市青禾区',
        '发文字号：青人常发〔2023〕4号',
        '施行日期：2023年3月',
        '时效性：现行有效',
        '主题词：议事规则、人大工作',
        '来源：青禾区人大常委会网站',
        `原文链接：${RULE.source.url}`,
        '收录于：2024年5月1日',
        '文渊档案：https://wenyuan.example/documents/x/',
        '',
        '————————',
        '',
        '第一条　正文。',
        '',
      ].join('\n'),
    );
  });

  it('says 日期不详 for an undated document and keeps the date note', () => {
    const text = documentText(documentData({ type: 'speech', title: '讲话', subtitle: '——在会上', date_note: '原文仅有"10月29日"', original_script: 'zh-Hant' }), 'u', '');
    expect(text.split('\n').slice(0, 6)).toEqual(['讲话', '——在会上', '', '类型：讲话', '日期：日期不详（原文仅有"10月29日"）', '原文字体：繁体（已转为简体）']);
  });
});
