/**
 * The graph of the five seed documents in content/, pinned: what each seed
 * cites and how each citation resolves, the missing texts, and the people,
 * bodies and meetings each seed names (precision over recall: nothing that is
 * not a person, no anonymised ×同志).
 */
import { describe, expect, it } from 'vitest';
import { readSourceDocuments } from '../../../src/data/content-graph.ts';
import { buildGraph } from '../../../src/lib/graph/build.ts';

const graph = buildGraph(readSourceDocuments('content'));
const HAIDIAN_ARTICLE = '2022-10-31-quanmian-guanche-zhongyang-renda';
const FANGSHAN_ARTICLE = '2022-06-23-shenru-xuexi-guanche';
const HAIDIAN_MEETING = 'undated-quwei-zhaokai-diwuci';
const SPEECH = 'undated-zai-quwei-renda-gongzuo';
const ZHAOHUA = 'undated-zhao-hua-quwei-renda-gongzuo';

function citationsOf(id: string) {
  return graph.citations
    .filter((c) => c.from === id)
    .map((c) => [c.linked, c.status, c.target ? (c.target.type === 'document' ? c.target.id : `missing:${c.target.slug}`) : null]);
}

function entitiesOf(id: string, kind: string) {
  return graph.mentions[id]!.map((key) => graph.entities.find((e) => e.key === key)!).filter((e) => e.kind === kind).map((e) => e.name).sort();
}

describe('the seeds’ citations', () => {
  it('the Haidian article cites the district’s rules, none of them in the archive', () => {
    expect(citationsOf(HAIDIAN_ARTICLE)).toEqual([
      ['《海淀区人民代表大会关于议案的规定》', 'missing', 'missing:海淀区人民代表大会关于议案的规定'],
      ['《海淀区人大常委会街道工作委员会主任联席会议工作制度》', 'missing', 'missing:海淀区人大常委会街道工作委员会主任联席会议工作制度'],
      ['《海淀区人大常委会专家顾问工作规则（试行）》', 'missing', 'missing:海淀区人大常委会专家顾问工作规则-试行'],
      ['《海淀区人民代表大会常务委员会组成人员履职规定（试行）》', 'missing', 'missing:海淀区人民代表大会常务委员会组成人员履职规定-试行'],
      ['《海淀区人民代表大会专门委员会工作规则（试行）》', 'missing', 'missing:海淀区人民代表大会专门委员会工作规则-试行'],
      ['《海淀区人大常委会专家顾问工作规则（试行）》', 'missing', 'missing:海淀区人大常委会专家顾问工作规则-试行'],
      ['《海淀区人民代表大会议事规则》', 'missing', 'missing:海淀区人民代表大会议事规则'],
      ['《海淀区人民代表大会关于议案的规定》', 'missing', 'missing:海淀区人民代表大会关于议案的规定'],
      // Titles that do not name their issuer belong to the citing document's district.
      ['《人大代表联络站工作规则》', 'missing', 'missing:人大代表联络站工作规则-海淀区'],
      ['《人大代表进站联系选民及意见处理办法》', 'missing', 'missing:人大代表进站联系选民及意见处理办法-海淀区'],
      ['《北京市海淀区人民代表大会常务委员会代表建议、批评和意见办理工作评估细则》', 'missing', 'missing:北京市海淀区人民代表大会常务委员会代表建议-批评和意见办理工作评估细则'],
    ]);
  });

  it('the Haidian meeting report cites the district committee’s opinion, in full and as 区委《意见》', () => {
    const opinion = 'missing:中共北京市海淀区委关于新时代加强和改进人大工作的意见';
    expect(citationsOf(HAIDIAN_MEETING)).toEqual([
      ['《中共北京市海淀区委关于新时代加强和改进人大工作的意见》', 'missing', opinion],
      ['《中共北京市海淀区委关于新时代加强和改进人大工作的意见》', 'missing', opinion],
      ['《意见》', 'missing', opinion],
    ]);
  });

  it('the speech’s short forms resolve only where one earlier title fits', () => {
    const implementing = 'missing:关于新时代加强和改进人大工作的实施意见-区委';
    expect(citationsOf(SPEECH)).toEqual([
      ['《关于新时代加强和改进人大工作的实施意见》', 'missing', implementing],
      ['《“十三五”发展规划纲要》', 'missing', 'missing:十三五-发展规划纲要-地区不详'],
      // 十九届四中全会作出的《决定》: no full title of a 决定 in the speech.
      ['《决定》', 'unresolved', null],
      // The heading 落实《实施意见》: one 实施意见 cited before it.
      ['《实施意见》', 'missing', implementing],
      ['《决定》', 'unresolved', null],
      ['《关于新时代加强人大工作的实施意见》', 'missing', 'missing:关于新时代加强人大工作的实施意见-地区不详'],
      // 区委的《实施意见》: two 实施意见 cited before it — never guess.
      ['《实施意见》', 'ambiguous', null],
      ['《中国共产党党组工作条例（试行）》', 'missing', 'missing:中国共产党党组工作条例-试行'],
    ]);
  });

  it('the Fangshan article and the Zhaohua report cite no titles', () => {
    expect(citationsOf(FANGSHAN_ARTICLE)).toEqual([]);
    expect(citationsOf(ZHAOHUA)).toEqual([]);
  });

  it('missing texts are listed most cited first', () => {
    expect(graph.missing.map((m) => [m.title, m.count])).toEqual([
      // Twice in full and once as 区委《意见》.
      ['中共北京市海淀区委关于新时代加强和改进人大工作的意见', 3],
      // Once with 区委 before it, once as 《实施意见》.
      ['关于新时代加强和改进人大工作的实施意见', 2],
      ['海淀区人大常委会专家顾问工作规则（试行）', 2],
      ['海淀区人民代表大会关于议案的规定', 2],
      ['“十三五”发展规划纲要', 1],
      ['中国共产党党组工作条例（试行）', 1],
      ['人大代表联络站工作规则', 1],
      ['人大代表进站联系选民及意见处理办法', 1],
      ['关于新时代加强人大工作的实施意见', 1],
      ['北京市海淀区人民代表大会常务委员会代表建议、批评和意见办理工作评估细则', 1],
      ['海淀区人大常委会街道工作委员会主任联席会议工作制度', 1],
      ['海淀区人民代表大会专门委员会工作规则（试行）', 1],
      ['海淀区人民代表大会常务委员会组成人员履职规定（试行）', 1],
      ['海淀区人民代表大会议事规则', 1],
    ]);
  });
});

describe('the seeds’ people, bodies and meetings', () => {
  it.each([
    [HAIDIAN_MEETING, ['于军', '习近平', '刘勇', '刘长利', '曾劲']],
    [ZHAOHUA, ['习近平', '刘自强', '王静', '贾小玲']],
    [HAIDIAN_ARTICLE, ['习近平']],
    [FANGSHAN_ARTICLE, ['习近平']],
    // ×同志 three times: never a person.
    [SPEECH, ['习近平']],
  ])('people in %s', (id, people) => {
    expect(entitiesOf(id, 'person')).toEqual([...people].sort());
  });

  it('people carry their roles, regions and the documents naming them', () => {
    const person = (name: string) => graph.entities.find((e) => e.kind === 'person' && e.name === name)!;
    expect(person('于军')).toMatchObject({ scope: '北京市海淀区', roles: [{ role: '区委书记', scope: '北京市海淀区', document: HAIDIAN_MEETING }] });
    expect(person('曾劲').roles!.map((r) => r.role)).toEqual(['区委副书记、代区长']);
    expect(person('刘长利').roles!.map((r) => r.role)).toEqual(['区人大常委会党组书记、主任']);
    expect(person('刘勇').roles!.map((r) => r.role)).toEqual(['区政协主席']);
    expect(person('刘自强')).toMatchObject({ scope: '四川省广元市昭化区', roles: [{ role: '区委书记' }] });
    expect(person('王静').roles!.map((r) => r.role)).toEqual(['区委副书记、区长']);
    expect(person('贾小玲').roles!.map((r) => r.role)).toEqual(['区人大常委会主任']);
    // Named again without the role: 于军指出, 于军强调…
    expect(person('于军').documents).toEqual([expect.objectContaining({ id: HAIDIAN_MEETING, count: 4 })]);
    expect(person('习近平').documents.map((d) => d.id).sort()).toEqual([FANGSHAN_ARTICLE, HAIDIAN_ARTICLE, SPEECH, HAIDIAN_MEETING, ZHAOHUA].sort());
  });

  it.each([
    [HAIDIAN_MEETING, ['北京市委', '海淀区人大', '海淀区人大常委会', '海淀区委', '海淀区政协']],
    [ZHAOHUA, ['四川省委', '广元市委', '昭化区人大', '昭化区人大常委会', '昭化区委', '昭化区政协', '昭化区政府']],
    [FANGSHAN_ARTICLE, ['中共中央', '北京市人大', '北京市委', '房山区人大', '房山区人大常委会', '房山区委']],
    [HAIDIAN_ARTICLE, ['中共中央', '全国人大', '北京市委', '海淀区人大', '海淀区人大常委会', '海淀区委', '海淀区政府', '海淀区检察院', '海淀区法院']],
    // No region: 区委 and 省委 of an unknown district get no page.
    [SPEECH, ['中共中央']],
  ])('bodies in %s', (id, bodies) => {
    expect(entitiesOf(id, 'body')).toEqual([...bodies].sort());
  });

  it.each([
    [HAIDIAN_MEETING, ['北京市委第五次人大工作会议', '海淀区委第五次人大工作会议']],
    [ZHAOHUA, ['中央人大工作会议', '昭化区委人大工作会议']],
    [FANGSHAN_ARTICLE, ['中央人大工作会议', '党的十九大', '北京市委第六次人大工作会议', '房山区委第六次人大工作会议']],
    [HAIDIAN_ARTICLE, ['中央人大工作会议', '北京市第十三次党代会', '海淀区第十七届人大常委会第三次会议', '海淀区第十七届人大第一次会议']],
    [SPEECH, ['党的十九大', '十九届四中全会']],
  ])('meetings in %s', (id, meetings) => {
    expect(entitiesOf(id, 'meeting')).toEqual([...meetings].sort());
  });

  it('the figures of the seed graph', () => {
    const count = (kind: string) => graph.entities.filter((e) => e.kind === kind).length;
    expect({
      documents: Object.keys(graph.documents).length,
      citations: graph.citations.length,
      resolved: graph.citations.filter((c) => c.status === 'resolved').length,
      toMissingTexts: graph.citations.filter((c) => c.status === 'missing').length,
      unresolvedOrAmbiguous: graph.citations.filter((c) => c.status === 'unresolved' || c.status === 'ambiguous').length,
      missingTexts: graph.missing.length,
      people: count('person'),
      bodies: count('body'),
      meetings: count('meeting'),
    }).toEqual({ documents: 5, citations: 22, resolved: 0, toMissingTexts: 19, unresolvedOrAmbiguous: 3, missingTexts: 14, people: 8, bodies: 21, meetings: 11 });
  });

  it('related documents: at most five, never the document itself', () => {
    for (const [id, list] of Object.entries(graph.related)) {
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.map((r) => r.id)).not.toContain(id);
    }
    expect(graph.related[HAIDIAN_MEETING]!.map((r) => r.id)).toContain(HAIDIAN_ARTICLE);
  });
});
