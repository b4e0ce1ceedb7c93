import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, fieldLabel, fieldLabels, quotedCandidates, uncertainFields, uncertainHeadline } from '../../../src/lib/field-labels.ts';
import { documentSchema } from '../../../src/schemas/document.ts';

describe('field labels', () => {
  it('names the fields the importer may be unsure of as the metadata panel does', () => {
    expect(['title', 'type', 'date', 'issuer', 'doc_number'].map(fieldLabel)).toEqual(['标题', '类型', '日期', '发文机关', '发文字号']);
  });

  it('labels only real front-matter fields, and names an unknown one as written', () => {
    const fields = new Set(documentSchema.options.flatMap((kind) => Object.keys(kind.shape)));
    for (const field of Object.keys(FIELD_LABELS)) expect(fields, field).toContain(field);
    expect(fieldLabel('carries')).toBe('carries');
    expect(fieldLabel('toString')).toBe('toString');
  });

  it('enumerates labels, candidates and the uncertain fields of a document, each field once', () => {
    expect(fieldLabels(['title', 'doc_number'])).toBe('标题、发文字号');
    expect(quotedCandidates(['政策文件', '通知公告'])).toBe('“政策文件”、“通知公告”');
    expect(quotedCandidates(['article', 'notice'], 'type')).toBe('“文章”、“通知”');
    expect(quotedCandidates(['article'], 'title')).toBe('“article”');
    const flags = [
      { kind: 'garbled', note: '乱码' },
      { kind: 'uncertain', field: 'title', note: '标题不确定' },
      { kind: 'uncertain', field: 'type', note: '类型不确定' },
      { kind: 'uncertain', field: 'title', note: '另一个标题候选' },
      { kind: 'uncertain', note: '未指明字段' },
    ];
    expect(uncertainFields(flags)).toEqual(['title', 'type']);
  });

  it('headlines the notice with the fields in Chinese', () => {
    expect(uncertainHeadline(['title', 'type'])).toBe('本文部分著录项目由导入程序推断，尚待人工核对：标题、类型。');
    expect(uncertainHeadline([])).toBe('本文部分著录项目由导入程序推断，尚待人工核对。');
  });
});
