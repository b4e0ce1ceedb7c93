/** The page's embedded metadata, read as Zotero's Embedded Metadata translator reads a page (./zotero-embedded-metadata.ts). */
import { describe, expect, it } from 'vitest';
import { DUBLIN_CORE, embeddedMetadata } from '../../../src/lib/export/meta.ts';
import { RULE, recordOf } from './documents.ts';
import { readEmbeddedMetadata } from './zotero-embedded-metadata.ts';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A page with the tags in its head, as BaseLayout writes one. */
function page(fields: Record<string, unknown>): string {
  const tags = embeddedMetadata(recordOf(fields)).map(([name, content]) => `<meta name="${name}" content="${escape(content)}">`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面标题 · 文渊</title><link rel="schema.DC" href="${DUBLIN_CORE}">${tags.join('')}</head><body></body></html>`;
}

describe('embedded metadata', () => {
  it('makes Zotero save a rule as a statute with its title, body, date and language', () => {
    const item = readEmbeddedMetadata(page(RULE));
    expect(item).toEqual({
      itemType: 'statute',
      title: RULE.title,
      creators: [{ lastName: '青禾区人大常委会', firstName: '', creatorType: 'author' }],
      date: '2023-03-01',
      publisher: '青禾区人大常委会网站',
      language: 'zh-CN',
      identifiers: [`https://wenyuan.example/documents/${RULE.id}/`, '青人常发〔2023〕4号'],
      attachments: [{ title: 'Snapshot' }],
    });
  });

  it('gives partial dates as written and none for an undated document', () => {
    expect(readEmbeddedMetadata(page({ ...RULE, date: '2019-10' })).date).toBe('2019-10');
    expect(readEmbeddedMetadata(page({ ...RULE, date: '2019' })).date).toBe('2019');
    const speech = readEmbeddedMetadata(page({ type: 'speech', title: '在会议上的讲话', speaker: '于军' }));
    expect(speech.date).toBeUndefined();
    expect(speech.itemType).toBe('presentation');
    expect(speech.creators).toEqual([{ lastName: '于军', firstName: '', creatorType: 'author' }]);
  });

  it('types every kind as a Zotero item type', () => {
    const types = ['rule', 'opinion', 'decision', 'notice', 'speech', 'meeting-report', 'article'].map(
      (type) => readEmbeddedMetadata(page({ type, title: '标题' })).itemType,
    );
    expect(types).toEqual(['statute', 'document', 'document', 'document', 'presentation', 'webpage', 'document']);
  });

  it('keeps awkward titles exact and offers no PDF', () => {
    const title = '关于"引号"、<标签>与 A&B 的《通知》𠀀';
    const item = readEmbeddedMetadata(page({ ...RULE, title }));
    expect(item.title).toBe(title);
    expect(item.attachments.some((a) => a.mimeType === 'application/pdf')).toBe(false);
    expect(embeddedMetadata(recordOf(RULE)).map(([name]) => name)).not.toContain('citation_pdf_url');
  });
});
