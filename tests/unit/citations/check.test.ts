import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run check: citations', () => {
  it('lists missing texts most cited first and unlinked citations with file and line, as warnings', () => {
    const run = spawnSync(process.execPath, ['scripts/check-content.ts', 'content'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Citations: 22 in 5 documents; 0 to archive documents, 19 to 14 texts not in the archive.');
    const missing = out.split('\n').filter((line) => /^\s+\d+×/.test(line));
    expect(missing).toHaveLength(14);
    expect(missing[0]).toMatch(/^\s+3×\s+《中共北京市海淀区委关于新时代加强和改进人大工作的意见》（海淀区委）\s+content\/undated\/undated-quwei-zhaokai-diwuci\.md:16/);
    const counts = missing.map((line) => Number(/(\d+)×/.exec(line)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(out).toContain('content/undated/undated-zai-quwei-renda-gongzuo.md:57: citation/unresolved: 《决定》');
    expect(out).toContain('content/undated/undated-zai-quwei-renda-gongzuo.md:61: citation/ambiguous: 《实施意见》');
  });

  it('reports a pinpoint to an article the cited rule does not have, and ambiguous titles with their candidates', () => {
    const pinpoint = spawnSync(process.execPath, ['scripts/check-content.ts', 'tests/fixtures/citations/traditional-and-line-breaks/content'], { encoding: 'utf8' });
    expect(pinpoint.stdout).toMatch(/speech\.md:11: citation\/pinpoint: 《青禾区人民代表大会常务委员会议事规则》第九十九条: 第九十九条 is not an article/);
    const ambiguous = spawnSync(process.execPath, ['scripts/check-content.ts', 'tests/fixtures/citations/ambiguous-and-versions/content'], { encoding: 'utf8' });
    expect(ambiguous.stdout).toMatch(/citing\.md:8: citation\/ambiguous: 《人大代表联络站工作规则》: .*\[2021-lianluozhan-a \| 2021-lianluozhan-b\]/);
  });
});
