import { describe, expect, it } from 'vitest';
import { assignPartitions, matchesPartition, parsePartitionConfig, partitionsForFilters, type PartitionFacts } from '../../../src/lib/partitions.ts';
import { manifestProblems, pageSettings, PARTITION_FORMAT, type PartitionManifest } from '../../../src/lib/partition-manifest.ts';

const docs: PartitionFacts[] = [
  { id: 'haidian-2019', file: 'content/2019/a.md', type: 'speech', region: '北京市海淀区', date: '2019-10-29' },
  { id: 'beijing-2024', file: 'content/2024/b.md', type: 'rule', region: '北京市', date: '2024-09-27' },
  { id: 'zhaohua-2022', file: 'content/2022/c.md', type: 'meeting-report', region: '四川省广元市昭化区', date: '2022-06' },
  { id: 'undated', file: 'content/undated/d.md', type: 'article' },
];

describe('partition config', () => {
  it('reads regions, years and types', () => {
    const config = parsePartitionConfig({ partitions: [{ name: 'beijing', regions: ['北京市'] }, { name: 'rest', regions: ['四川省'], withoutRegion: true, years: { from: 2000 }, undated: true, types: ['article', 'meeting-report'] }] });
    expect(config.partitions.map((p) => p.name)).toEqual(['beijing', 'rest']);
  });

  it('lists every problem with the file and the field', () => {
    expect(() =>
      parsePartitionConfig({ partitions: [{ name: 'Beijing', regions: [] }, { name: 'b-2', years: { since: 2020 } }, { name: 'x' }, { name: 'x', types: ['rule'], colour: 'red' }] }, 'p.json'),
    ).toThrow(
      [
        'p.json: partitions[0].name: lowercase letters, digits and hyphens, starting with a letter, not ending in -<digits>',
        'p.json: partitions[0].regions: a non-empty list of region prefixes',
        'p.json: partitions[1].name: lowercase letters, digits and hyphens, starting with a letter, not ending in -<digits>',
        'p.json: partitions[1].years: { "from": year, "to": year }, either end may be left out',
        'p.json: partitions[2]: give a key (regions, years or types); a partition without one would hold every document',
        'p.json: partitions[3].colour: unknown field (known: name, regions, withoutRegion, years, undated, types)',
        'p.json: partitions[3].name: "x" is used twice',
      ].join('\n'),
    );
    expect(() => parsePartitionConfig({ partitions: [] }, 'p.json')).toThrow(/^p\.json: partitions: expected a non-empty list/);
  });
});

describe('assigning documents', () => {
  it('matches a region prefix, a year range with or without undated documents, and types', () => {
    expect(matchesPartition({ regions: ['北京市'] }, docs[0]!)).toBe(true);
    expect(matchesPartition({ regions: ['北京市'] }, docs[3]!)).toBe(false);
    expect(matchesPartition({ regions: ['北京市'], withoutRegion: true }, docs[3]!)).toBe(true);
    expect(matchesPartition({ years: { to: 2022 } }, docs[2]!)).toBe(true);
    expect(matchesPartition({ years: { to: 2022 } }, docs[1]!)).toBe(false);
    expect(matchesPartition({ years: { to: 2022 } }, docs[3]!)).toBe(false);
    expect(matchesPartition({ years: { to: 2022 }, undated: true }, docs[3]!)).toBe(true);
    expect(matchesPartition({ types: ['rule'], regions: ['北京市'] }, docs[1]!)).toBe(true);
    expect(matchesPartition({ types: ['rule'], regions: ['北京市'] }, docs[0]!)).toBe(false);
  });

  it('puts each document in its one partition', () => {
    const config = parsePartitionConfig({ partitions: [{ name: 'early', years: { to: 2022 }, undated: true }, { name: 'late', years: { from: 2023 } }] });
    const { members, problems } = assignPartitions(config, docs);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(members)).toEqual({ early: ['haidian-2019', 'zhaohua-2022', 'undated'], late: ['beijing-2024'] });
  });

  it('names each document in no partition and each in several', () => {
    const config = parsePartitionConfig({ partitions: [{ name: 'beijing', regions: ['北京市'] }, { name: 'rules', types: ['rule'] }] });
    const { problems } = assignPartitions(config, docs);
    expect(problems.map((p) => p.message)).toEqual([
      'content/2024/b.md: beijing-2024: in 2 partitions, beijing and rules (region 北京市, year 2024, type rule); partitions must not overlap',
      'content/2022/c.md: zhaohua-2022: in no partition (region 四川省广元市昭化区, year 2022, type meeting-report)',
      'content/undated/d.md: undated: in no partition (region —, year —, type article)',
    ]);
  });
});

describe('partitions a search can need', () => {
  const partitions = [
    { name: 'beijing', regions: ['北京市'] },
    { name: 'sichuan', regions: ['四川省'], withoutRegion: true },
  ];
  const years = [
    { name: 'early', years: { to: 2022 }, undated: true },
    { name: 'late', years: { from: 2023 } },
  ];
  const names = (list: ReadonlyArray<{ name: string }>) => list.map((p) => p.name);

  it('all of them without filters, or with filters on facets no key reads', () => {
    expect(names(partitionsForFilters(partitions, {}))).toEqual(['beijing', 'sichuan']);
    expect(names(partitionsForFilters(partitions, { type: { any: ['rule'] }, year: { any: ['2020'] } }))).toEqual(['beijing', 'sichuan']);
  });

  it('only those whose key fits one of the values', () => {
    expect(names(partitionsForFilters(partitions, { region: { any: ['北京市海淀区'] } }))).toEqual(['beijing']);
    expect(names(partitionsForFilters(partitions, { region: { any: ['地区不详'] } }))).toEqual(['sichuan']);
    expect(names(partitionsForFilters(partitions, { region: { any: ['北京市', '四川省广元市'] } }))).toEqual(['beijing', 'sichuan']);
    expect(names(partitionsForFilters(years, { year: { any: ['2024'] } }))).toEqual(['late']);
    expect(names(partitionsForFilters(years, { year: { any: ['年份不详'] } }))).toEqual(['early']);
    expect(names(partitionsForFilters(years, { year: { any: ['2022', '2023'] } }))).toEqual(['early', 'late']);
  });

  it('never leaves out the partition of a document that matches the filters', () => {
    const config = parsePartitionConfig({ partitions: years });
    const { members } = assignPartitions(config, docs);
    for (const doc of docs) {
      const year = doc.date?.slice(0, 4) ?? '年份不详';
      const home = [...members].find(([, ids]) => ids.includes(doc.id))![0];
      expect(names(partitionsForFilters(years, { year: { any: [year] }, region: { any: [doc.region ?? '地区不详'] } }))).toContain(home);
    }
  });
});

describe('the hub checks the partitions it merges', () => {
  const versions = { format: PARTITION_FORMAT, graph: 'g'.repeat(64), schema: 's'.repeat(64), code: 'c'.repeat(64), partitions: 'p'.repeat(64), settings: 'WENYUAN_SITE=https://archive.example.org WENYUAN_CSP_META=1' };
  const members = new Map([
    ['early', ['a', 'b']],
    ['late', ['c']],
  ]);
  const manifest = (name: string, documents: string[], changes: Partial<PartitionManifest> = {}): PartitionManifest => ({ ...versions, name, documents, files: [], shards: [], summaries: {}, ...changes });

  it('accepts the partitions of one graph, schema and code', () => {
    expect(manifestProblems({ ...versions, members }, [manifest('early', ['a', 'b']), manifest('late', ['c'])])).toEqual([]);
  });

  it('refuses another graph or schema, a partition missing, given twice or unknown, and other documents', () => {
    const problems = manifestProblems({ ...versions, members }, [
      manifest('early', ['a', 'x'], { graph: '0'.repeat(64), schema: '1'.repeat(64) }),
      manifest('early', ['a', 'b']),
      manifest('north', []),
    ]);
    expect(problems).toEqual([
      'partition "early" was built from a different graph (build every partition from the same graph file): 000000000000, the hub has gggggggggggg',
      'partition "early" was built from a different schema version (src/schemas): 111111111111, the hub has ssssssssssss',
      'partition "early" holds other documents than the content gives it; missing: b; not its own: x',
      'partition "early" is given twice',
      'partition "north" is not in the partitions file',
      'partition "late" was not given to the hub (build it with npm run build:partition -- late)',
    ]);
  });

  it('refuses a partition built for another site address or without the CSP meta, showing both settings', () => {
    expect(pageSettings({ WENYUAN_SITE: 'https://archive.example.org', WENYUAN_CSP_META: '1', WENYUAN_EDIT_URL: '', PATH: '/bin' })).toBe(versions.settings);
    const problems = manifestProblems({ ...versions, members }, [manifest('early', ['a', 'b']), manifest('late', ['c'], { settings: pageSettings({}) })]);
    expect(problems).toEqual([
      'partition "late" was built from a different environment (WENYUAN_SITE, WENYUAN_CSP_META, WENYUAN_EDIT_URL, WENYUAN_CITE_DATE, SOURCE_DATE_EPOCH: set them alike for every job): "", the hub has "WENYUAN_SITE=https://archive.example.org WENYUAN_CSP_META=1"',
    ]);
  });
});
