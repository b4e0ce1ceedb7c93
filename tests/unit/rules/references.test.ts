/** References inside a rule (本规则第五条, 前款, 前两款, 第三条第一项) and pinpoints of citations (《…》第八条). */
import { describe, expect, it } from 'vitest';
import { findReferences, parsePinpoint, resolvePinpoint } from '../../../src/lib/rules/references.ts';
import { renderRule } from './render.ts';

const RULE = [
  '第一条　甲。',
  '第二条　乙。',
  '丙。',
  '第三条　有下列情形之一的：',
  '（一）丁；',
  '（二）戊。',
  '己。',
  '庚。',
].join('\n\n');

async function linksIn(markdown: string) {
  const { html, structure } = await renderRule(markdown);
  const links = [...html.matchAll(/<a href="#([^"]+)" title="([^"]+)" class="ref">([^<]+)<\/a>/g)].map((m) => `${m[3]}→${decodeURIComponent(m[1]!)}`);
  return { links, problems: structure.problems.map((p) => `${p.ruleId} ${p.label}: ${p.message}`) };
}

describe('references to the rule itself', () => {
  it('links 本规则第X条, 本办法第X条第Y款 and bare 第X条第Y项 to their anchors', async () => {
    const { links, problems } = await linksIn(`${RULE}\n\n第四条　依照本规则第一条、本办法第二条第二款和第三条第一项，以及本条例第三条第一款第二项。`);
    expect(links).toEqual(['本规则第一条→第一条', '本办法第二条第二款→第二条第二款', '第三条第一项→第三条第一款第一项', '本条例第三条第一款第二项→第三条第一款第二项']);
    expect(problems).toEqual([]);
  });

  it('links 前款, 前两款, 前条 and 本条第Y款 from where they stand', async () => {
    const { links } = await linksIn(`${RULE.replace('庚。', '依照前款、前两款处理，本条第一款第二项除外。')}\n\n第四条　前条第二款规定的情形。`);
    expect(links).toEqual(['前款→第三条第二款', '前两款→第三条第一款', '本条第一款第二项→第三条第一款第二项', '前条第二款→第三条第二款']);
  });

  it('reads a list: 第二条第一款、第二款 and 第一条至第三条', async () => {
    const { links } = await linksIn(`${RULE}\n\n第四条　第二条第一款、第二款和第一条至第三条。`);
    expect(links).toEqual(['第二条第一款→第二条第一款', '第二款→第二条第二款', '第一条→第一条', '第三条→第三条']);
  });

  it('leaves references to other laws alone', async () => {
    const { links, problems } = await linksIn(`${RULE}\n\n第四条　依照《中华人民共和国立法法》第八条、刑法第三条和民法典第一千零四十条。`);
    expect(links).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('does not read 本条例 as 本条 and does not link 本条 or 本款 alone', async () => {
    const { links, problems } = await linksIn('第一条　本条例所称人大，本条所称会议，本款规定。');
    expect(links).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('leaves unresolvable and ambiguous references as text and reports them', async () => {
    const { links, problems } = await linksIn(`${RULE}\n\n第四条　依照前款和本规则第九十条、第二条第三款。`);
    expect(links).toEqual([]);
    expect(problems).toEqual([
      'rule/ambiguous-reference 第四条: 前款: it stands in the first 款 of 第四条: there is no 款 before it to refer to',
      'rule/unresolved-reference 第四条: 本规则第九十条: there is no 第九十条 in the document',
      'rule/paragraph-reference 第四条: 第二条第三款: 第二条 has 2 款, so 第三款 does not exist',
    ]);
  });

  it('reports 第X条第Y项 as ambiguous when items stand in more than one 款', async () => {
    const rule = '第一条　甲：\n\n（一）乙；\n\n丙：\n\n（一）丁。\n\n第二条　依照第一条第一项。';
    const { problems } = await linksIn(rule);
    expect(problems).toEqual(['rule/ambiguous-reference 第二条: 第一条第一项: 第一条 has 项 in 2 款; say which 款 (e.g. 第一条第一款第一项)']);
  });
});

describe('pinpoints', () => {
  it('parses 第八条, 第八条第二款, 第十二条之一 and 第三条第（一）项', () => {
    expect(parsePinpoint('第八条')).toEqual({ article: { number: 8, sub: 0 } });
    expect(parsePinpoint('第八条第二款')).toEqual({ article: { number: 8, sub: 0 }, paragraph: 2 });
    expect(parsePinpoint('第十二条之一')).toEqual({ article: { number: 12, sub: 1 } });
    expect(parsePinpoint('第三条第（一）项')).toEqual({ article: { number: 3, sub: 0 }, item: 1 });
    expect(parsePinpoint('第3条第2款第1项')).toEqual({ article: { number: 3, sub: 0 }, paragraph: 2, item: 1 });
    expect(parsePinpoint('前款')).toBeUndefined();
    expect(parsePinpoint('第八条的规定')).toBeUndefined();
  });

  it('turns a pinpoint into the anchor of another document', async () => {
    const { structure } = await renderRule(RULE);
    expect(resolvePinpoint(structure, parsePinpoint('第八条')!)).toEqual({ problem: { ruleId: 'rule/unresolved-reference', message: 'there is no 第八条 in the document' } });
    expect(resolvePinpoint(structure, parsePinpoint('第二条第二款')!)).toEqual({ id: '第二条第二款', label: '第二条第二款' });
    expect(resolvePinpoint(structure, parsePinpoint('第三条第二项')!)).toEqual({ id: '第三条第一款第二项', label: '第三条第二项' });
  });

  it('finds references in plain text with a place', () => {
    const anchors = { articles: [{ number: 1, sub: 0, id: '第一条', label: '第一条', paragraphs: [{ index: 1, id: '第一条第一款', items: [] }, { index: 2, id: '第一条第二款', items: [] }] }] };
    expect(findReferences('依照前款规定', { article: 0, paragraph: 2 }, anchors)).toEqual([
      { start: 2, end: 4, text: '前款', id: '第一条第一款', label: '第一条第一款' },
    ]);
  });
});

describe('pinpoint helpers for cross-links', () => {
  it('reads the pinpoint right after a title and gives its anchor', async () => {
    const { anchorFor, pinpointAt, schemeAnchor } = await import('../../../src/lib/rules/references.ts');
    const at = pinpointAt('　第八条第二款的规定');
    expect(at && [at.text, at.length, schemeAnchor(at.pinpoint)]).toEqual(['第八条第二款', 7, '第八条第二款']);
    expect(pinpointAt('的规定')).toBeUndefined();
    expect(schemeAnchor({ article: { number: 12, sub: 1 }, item: 2 })).toBe('第十二条之一');
    const { structure } = await renderRule(RULE);
    expect(anchorFor(structure, '第三条第二项')).toBe('第三条第一款第二项');
    expect(anchorFor(structure, '第九条')).toBeUndefined();
  });
});

describe('references that lean on a place named before them', () => {
  const target = '第一条　甲。\n\n乙。\n\n第二条　有下列行为之一的：\n\n（一）丙；\n\n（二）丁；\n\n（三）戊。';

  it('a bare 款 after another article in the same sentence is that article’s 款', async () => {
    const { links } = await linksIn(`${target}\n\n第三条　违反本规则第一条第一款规定的，警告；违反第二款规定的，罚款。第二款另有规定。`);
    expect(links).toEqual(['本规则第一条第一款→第一条第一款', '第二款→第一条第二款']);
  });

  it('前款规定的第（一）项 are items of 前款', async () => {
    const { links } = await linksIn('第一条　有下列情形之一的：\n\n（一）甲；\n\n（二）乙。\n\n有前款规定的第（一）项至第（二）项情形的，处理。');
    expect(links).toEqual(['前款→第一条第一款', '第（一）项→第一条第一款第一项', '第（二）项→第一条第一款第二项']);
  });

  it('a bare 项 in an item falls back to the article its lead-in names', async () => {
    const { links, problems } = await linksIn(`${target}\n\n第三条　违反本规则第二条规定的，依照下列规定处理：\n\n（一）违反第三项规定的，警告；\n\n（二）违反第一项规定的，罚款。`);
    expect(links).toEqual(['本规则第二条→第二条', '第三项→第二条第一款第三项', '第一项→第二条第一款第一项']);
    expect(problems).toEqual([]);
  });
});
