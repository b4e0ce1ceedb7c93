import { describe, expect, it } from 'vitest';
import { hugoPage } from '../../../scripts/bench/hugo-site.ts';

describe('the stock Hugo site of bench:peers', () => {
  it('keeps a document\'s body as it is and only its title from the front matter', () => {
    const body = '## 第一章　总则\n\n第一条　为了规范……\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n';
    const page = hugoPage(`---\nid: 2018-07-x\ntype: rule\ntitle: 某市"排水"条例\ndate: 2018-07\n---\n\n${body}`);
    expect(page).toBe(`---\ntitle: "某市\\"排水\\"条例"\n---\n\n${body}`);
    expect(page).not.toContain('2018-07');
  });
});
