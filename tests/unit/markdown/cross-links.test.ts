/**
 * remarkCrossLinks links each entity on its first mention in a section, and
 * stops scanning a section for names once every entity the graph found in
 * the document is linked there (the output is the same, for less work).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { archiveProcessor } from '../../../src/markdown/index.ts';
import { CrossLinkIndex } from '../../../src/lib/graph/link-index.ts';
import type { DocumentLinks } from '../../../src/lib/graph/types.ts';

const scanned: string[] = [];
vi.mock('../../../src/lib/entities/mentions.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/lib/entities/mentions.ts')>();
  return {
    ...original,
    findMentions: (text: string, context?: Parameters<typeof original.findMentions>[1]) => {
      scanned.push(text);
      return original.findMentions(text, context);
    },
  };
});

const YU = 'person:北京市海淀区/于军';
const LI = 'person:北京市海淀区/李明';

function links(entities: DocumentLinks['entities']): DocumentLinks {
  return {
    citations: [],
    region: '北京市海淀区',
    people: [
      { name: '于军', key: YU, scope: '北京市海淀区' },
      { name: '李明', key: LI, scope: '北京市海淀区' },
    ],
    entities,
  };
}

async function render(markdown: string, documentLinks: DocumentLinks) {
  const index = new CrossLinkIndex({ links: { doc: documentLinks } });
  const renderer = await archiveProcessor({ index }).createRenderer(markdownConfigDefaults);
  const { code } = await renderer.render(markdown, { frontmatter: { id: 'doc' } });
  return code;
}

const linked = (html: string) => [...html.matchAll(/<a [^>]*class="entity[^"]*"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);

const BOTH: DocumentLinks['entities'] = {
  [YU]: { href: '/people/yu/', label: '于军', kind: 'person' },
  [LI]: { href: '/people/li/', label: '李明', kind: 'person' },
};

const TEXT = ['于军指出，要抓好落实。', '李明强调，要压实责任。', '于军表示赞同。', '## 二、下一步', '李明指出，于军强调。'].join('\n\n');

beforeEach(() => {
  scanned.length = 0;
});

describe('names linked on their first mention in each section', () => {
  it('links each entity the graph gives once per section, again after a level-2 heading', async () => {
    const html = await render(TEXT, links(BOTH));
    expect(linked(html)).toEqual(['于军', '李明', '李明', '于军']);
  });

  it('stops scanning a section once every entity is linked in it, and scans again in the next section', async () => {
    await render(TEXT, links(BOTH));
    // 于军表示赞同 follows the paragraph in which the second of the two was linked; headings are never scanned.
    expect(scanned).toEqual(['于军指出，要抓好落实。', '李明强调，要压实责任。', '李明指出，于军强调。']);
  });

  it('links only the entities the graph gives, and scans nothing when it gives none', async () => {
    const onlyLi = await render(TEXT, links({ [LI]: BOTH[LI]! }));
    expect(linked(onlyLi)).toEqual(['李明', '李明']);
    scanned.length = 0;
    const none = await render(TEXT, links({}));
    expect(linked(none)).toEqual([]);
    expect(scanned).toEqual([]);
  });
});
