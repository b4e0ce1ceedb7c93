import { describe, expect, it } from 'vitest';
import { bodyEndingAt, bodyName, findBodies, parseIssuer } from '../../../src/lib/entities/bodies.ts';
import { findMeetings, ownMeeting } from '../../../src/lib/entities/meetings.ts';
import { findMentions } from '../../../src/lib/entities/mentions.ts';
import { findNameMentions, findRoleMentions, nameAt } from '../../../src/lib/entities/people.ts';
import { regionChain, scopeOfLevel } from '../../../src/lib/regions.ts';

const HAIDIAN = '北京市海淀区';
const ZHAOHUA = '四川省广元市昭化区';

describe('regions', () => {
  it('scopes 区, 市 and 省 from a document region', () => {
    expect(regionChain(ZHAOHUA).map((s) => s.fullName)).toEqual(['四川省', '四川省广元市', ZHAOHUA]);
    expect(scopeOfLevel('区', HAIDIAN)?.fullName).toBe(HAIDIAN);
    expect(scopeOfLevel('市', HAIDIAN)?.fullName).toBe('北京市');
    expect(scopeOfLevel('省', HAIDIAN)).toBeUndefined();
    expect(scopeOfLevel('市', ZHAOHUA)?.fullName).toBe('四川省广元市');
    expect(scopeOfLevel('省', ZHAOHUA)?.fullName).toBe('四川省');
    expect(scopeOfLevel('区', undefined)).toBeUndefined();
    // Names with a level character inside are read whole: 通州区, 市中区.
    expect(regionChain('北京市通州区').map((s) => s.name)).toEqual(['北京市', '通州区']);
    expect(scopeOfLevel('区', '山东省济南市市中区')?.fullName).toBe('山东省济南市市中区');
    expect(regionChain('北京市青禾区').map((s) => s.name)).toEqual(['北京市', '青禾区']);
  });
});

describe('bodies', () => {
  it('names bodies with their division, relative or written out', () => {
    const found = findBodies('区委、区人大常委会、区政协和海淀区人民政府，中共北京市海淀区委员会，党中央', HAIDIAN);
    expect(found.map((f) => [f.body.written, bodyName(f.body)])).toEqual([
      ['区委', '海淀区委'],
      ['区人大常委会', '海淀区人大常委会'],
      ['区政协', '海淀区政协'],
      ['海淀区人民政府', '海淀区政府'],
      ['中共北京市海淀区委员会', '海淀区委'],
      ['党中央', '中共中央'],
    ]);
  });

  it('is not fooled by words that end in a level character', () => {
    expect(findBodies('全区人民、社区人大代表、各地区人大、城市政府、直辖市人民政府', HAIDIAN)).toEqual([]);
    expect(findBodies('优秀区人大代表', HAIDIAN)).toEqual([]);
  });

  it('finds the issuer right before a title, the longest that fits', () => {
    expect(bodyEndingAt('这次区委依据省委', 8, ZHAOHUA)?.body.written).toBe('省委');
    expect(bodyEndingAt('就中共北京市海淀区委', 10)?.body.written).toBe('中共北京市海淀区委');
    expect(parseIssuer('海淀区人大常委会')).toMatchObject({ core: '人大常委会', scope: HAIDIAN });
    expect(parseIssuer('某某研究会')).toBeUndefined();
  });
});

describe('people', () => {
  it('reads names after a role, ending where the sentence goes on', () => {
    const text = '区委书记于军强调。区委副书记、代区长曾劲主持会议。区人大常委会党组书记、主任刘长利就有关情况作说明。区政协主席刘勇出席会议。';
    expect(findRoleMentions(text, HAIDIAN).map((r) => [r.role, r.name, r.scope])).toEqual([
      ['区委书记', '于军', HAIDIAN],
      ['区委副书记、代区长', '曾劲', HAIDIAN],
      ['区人大常委会党组书记、主任', '刘长利', HAIDIAN],
      ['区政协主席', '刘勇', HAIDIAN],
    ]);
  });

  it('never takes an anonymised name, a role word or a word without a surname', () => {
    const text = '区委副书记×同志作了说明，组织部长×同志宣读了通报，区人大常委会主任×同志安排了工作。区委书记列席会议。社区长期坚持。';
    expect(findRoleMentions(text, HAIDIAN)).toEqual([]);
    expect(nameAt('刘自强出席', 0)).toBe('刘自强');
    expect(nameAt('刘勇出席', 0)).toBe('刘勇');
  });

  it('reads 习近平总书记, not a typo such as 和近平总书记', () => {
    expect(findRoleMentions('学习习近平总书记重要讲话，传达和近平总书记重要讲话精神', HAIDIAN).map((r) => r.name)).toEqual(['习近平']);
  });

  it('finds bare mentions of a known name, not inside other words or theory names', () => {
    const text = '于军指出，要关于军队建设；坚持以习近平新时代中国特色社会主义思想为指导，习近平总书记强调。';
    expect(findNameMentions(text, ['于军', '习近平']).map((m) => m.start)).toEqual([0, text.indexOf('习近平总书记')]);
  });
});

describe('meetings', () => {
  it('names numbered meetings with the committee that held them', () => {
    const text = '区委召开第五次人大工作会议，贯彻市委第五次人大工作会议精神和中央人大工作会议精神；在中央人大工作会上；党中央首次召开人大工作会议。';
    expect(findMeetings(text, HAIDIAN).map((m) => [m.name, m.key])).toEqual([
      ['海淀区委第五次人大工作会议', '北京市海淀区/委/第五次人大工作会议'],
      ['北京市委第五次人大工作会议', '北京市/委/第五次人大工作会议'],
      ['中央人大工作会议', 'national/中央人大工作会议'],
      ['中央人大工作会议', 'national/中央人大工作会议'],
      ['中央人大工作会议', 'national/中央人大工作会议'],
    ]);
  });

  it('leaves unnumbered local meetings alone, except the document’s own', () => {
    expect(findMeetings('深入落实市委人大工作会精神；省委、市委人大工作会议精神', HAIDIAN)).toEqual([]);
    expect(ownMeeting('昭化区委人大工作会议', ZHAOHUA, 'doc')).toMatchObject({ name: '昭化区委人大工作会议', key: '四川省广元市昭化区/委/人大工作会议@doc' });
    expect(ownMeeting('区委第五次人大工作会议', HAIDIAN, 'doc')).toMatchObject({ key: '北京市海淀区/委/第五次人大工作会议' });
    expect(ownMeeting('区委人大工作会议', undefined, 'doc')).toBeUndefined();
  });

  it('names party congresses, plenums and numbered sessions', () => {
    const text = '党的十九大和十九届四中全会，市第十三次党代会，海淀区第十七届人大常委会第三次会议；十九届二中、三中全会。';
    expect(findMeetings(text, HAIDIAN).map((m) => m.name)).toEqual(['党的十九大', '十九届四中全会', '北京市第十三次党代会', '海淀区第十七届人大常委会第三次会议']);
  });
});

describe('mentions', () => {
  it('does not overlap, keeps roles, and ignores names inside titles', () => {
    const text = '区委书记于军强调，贯彻《中共北京市海淀区委关于新时代加强和改进人大工作的意见》。';
    expect(findMentions(text, { region: HAIDIAN }).map((m) => [m.kind, m.name, m.role ?? ''])).toEqual([
      ['body', '海淀区委', ''],
      ['person', '于军', '区委书记'],
    ]);
  });
});

describe('people in legal prose', () => {
  it('a role followed by a modal verb or a conjunction names nobody', () => {
    const text = '市长应当说明原因。市人大常委会副秘书长和各工作机构的主任。省人民检察院检察长和本省各级检察院。';
    expect(findRoleMentions(text, '北京市').map((r) => r.name)).toEqual([]);
  });

  it('rules are not searched for people introduced with a role', () => {
    expect(findMentions('区委书记于军强调', { region: HAIDIAN, roles: false }).map((m) => m.kind)).toEqual(['body']);
  });
});
