import { describe, expect, it } from 'vitest';
import { EARLY_RESERVE_MIB, earlyShardFits, INDEX_MEMORY_MIB, indexJobs, indexWhilePagesRender, MIB_PER_SHARD_PAGE, OVERLAP_MIN_MEMORY_MIB } from '../../../src/lib/search/index-jobs.ts';

describe('indexJobs', () => {
  it('indexes small shards side by side, one per core, when the process holds little', () => {
    expect(indexJobs({ largestShard: 500, residentMiB: 200, cores: 2 })).toBe(2);
    expect(indexJobs({ largestShard: 100, residentMiB: 200, cores: 4 })).toBe(4);
  });

  it('indexes one at a time when two of the largest shards would not fit', () => {
    expect(indexJobs({ largestShard: 1250, residentMiB: 200, cores: 2 })).toBe(1);
  });

  it('counts what the building process already holds: a partition of 810-page shards inside astro build indexes one at a time', () => {
    // Two shards of 810 pages fit beside a small process ...
    expect(indexJobs({ largestShard: 810, residentMiB: 300, cores: 2 })).toBe(2);
    // ... but not beside the 2.5 GB Astro holds after rendering (bench:partition peaked at 6.1 GB so).
    expect(indexJobs({ largestShard: 810, residentMiB: 2500, cores: 2 })).toBe(1);
  });

  it('never goes below one job, even when the process alone exceeds the budget', () => {
    expect(indexJobs({ largestShard: 1250, residentMiB: INDEX_MEMORY_MIB * 2, cores: 2 })).toBe(1);
    expect(indexJobs({ largestShard: 0, residentMiB: 0, cores: 2 })).toBe(2);
  });

  it('stays at the budget: the jobs chosen times the estimate plus the process is within it whenever more than one runs', () => {
    for (const largestShard of [50, 300, 600, 900, 1250]) {
      for (const residentMiB of [0, 1000, 2500, 4000]) {
        const jobs = indexJobs({ largestShard, residentMiB, cores: 8 });
        if (jobs > 1) expect(jobs * largestShard * MIB_PER_SHARD_PAGE + residentMiB).toBeLessThanOrEqual(INDEX_MEMORY_MIB);
      }
    }
  });

  it('takes WENYUAN_INDEX_JOBS when it is a positive whole number, and ignores anything else', () => {
    expect(indexJobs({ largestShard: 1250, residentMiB: 4000, cores: 2, override: '3' })).toBe(3);
    for (const override of ['0', '-1', '1.5', 'two', '']) {
      expect(indexJobs({ largestShard: 1250, residentMiB: 200, cores: 2, override })).toBe(1);
    }
  });
});

describe('indexWhilePagesRender', () => {
  it('overlaps the index with the pages only where Astro and a Pagefind fit side by side', () => {
    // The measured overlapped peak at 10,000 documents must fit in the threshold.
    expect(OVERLAP_MIN_MEMORY_MIB).toBeGreaterThan(5287);
    expect(indexWhilePagesRender(24 * 1024)).toBe(true);
    expect(indexWhilePagesRender(16 * 1024)).toBe(true);
    expect(indexWhilePagesRender(4 * 1024)).toBe(false);
    expect(indexWhilePagesRender(OVERLAP_MIN_MEMORY_MIB - 1)).toBe(false);
  });

  it('overlaps them whatever the memory when WENYUAN_INDEX_WHILE_PAGES is 1, and only then', () => {
    expect(indexWhilePagesRender(4 * 1024, '1')).toBe(true);
    expect(indexWhilePagesRender(4 * 1024, '')).toBe(false);
    expect(indexWhilePagesRender(4 * 1024, 'yes')).toBe(false);
    expect(indexWhilePagesRender(24 * 1024, '1')).toBe(true);
  });
});

describe('earlyShardFits', () => {
  it('indexes a shard beside Astro only when its estimated Pagefind and the reserve fit in the memory available now', () => {
    // A full shard of 1,250 pages needs about 2.8 GB.
    expect(earlyShardFits(16 * 1024, 1250)).toBe(true);
    expect(earlyShardFits(3 * 1024, 1250)).toBe(false);
    expect(earlyShardFits(1250 * MIB_PER_SHARD_PAGE + EARLY_RESERVE_MIB, 1250)).toBe(true);
    expect(earlyShardFits(1250 * MIB_PER_SHARD_PAGE + EARLY_RESERVE_MIB - 1, 1250)).toBe(false);
    expect(earlyShardFits(2 * 1024, 2)).toBe(true);
  });
});
