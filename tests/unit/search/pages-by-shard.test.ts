import type { AstroPrerenderer, PathWithRoute } from 'astro';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_ROUTE, pagesByShard, siteOrder } from '../../../src/integrations/pages-by-shard.ts';
import { shardOf } from '../../../src/lib/search/shards.ts';

const entry = (pathname: string, component: string) => ({ pathname, route: { component } }) as unknown as PathWithRoute;

/** A prerenderer standing in for Astro's: it lists `paths` and logs what it renders. */
function fake(paths: PathWithRoute[], log: string[]): AstroPrerenderer {
  return {
    name: 'fake',
    getStaticPaths: async () => paths,
    render: async (request) => {
      log.push(`render ${new URL(request.url).pathname}`);
      return new Response('<html></html>');
    },
    teardown: async () => {
      log.push('teardown');
    },
  };
}

describe('pagesByShard', () => {
  const ids = ['b', 'a', 'a-b', 'c', 'd', 'e'];
  const paths = [entry('/', 'src/pages/index.astro'), ...ids.map((id) => entry(`/documents/${id}`, DOCUMENT_ROUTE)), entry('/search', 'src/pages/search.astro')];

  it('lists the document pages first, shard by shard in the order the index reads them, then the rest as Astro had them', async () => {
    const log: string[] = [];
    const wrapped = pagesByShard(fake(paths, log), { siteDir: '/site', perShard: 2, onShardWritten: () => {} });
    const order = (await wrapped.getStaticPaths()).map((p) => p.pathname);
    expect(order.slice(-2)).toEqual(['/', '/search']);
    const documents = order.slice(0, ids.length);
    expect([...documents].sort()).toEqual(ids.map((id) => `/documents/${id}`).sort());
    const shards = documents.map((p) => shardOf(`${p}/`, 4));
    expect(shards).toEqual([...shards].sort((x, y) => x - y));
    // Within a shard, the walk's order: folder names compared, so "a" before "a-b" ('-' sorts before '/').
    for (let i = 1; i < documents.length; i++) {
      if (shards[i] === shards[i - 1]) expect(siteOrder(path.join('/site', documents[i - 1]!), path.join('/site', documents[i]!))).toBeLessThan(0);
    }
  });

  it('reports a shard once its last page is written: when the next page is asked for, or at the end', async () => {
    const log: string[] = [];
    const wrapped = pagesByShard(fake(paths, log), {
      siteDir: '/site',
      perShard: 2,
      onShardWritten: (shard, files) => log.push(`shard ${shard}: ${files.map((f) => path.basename(path.dirname(f))).join(' ')}`),
    });
    const order = await wrapped.getStaticPaths();
    for (const p of order) await wrapped.render(new Request(new URL(`${p.pathname.replace(/\/?$/, '/')}`, 'http://x')), { routeData: p.route });
    await wrapped.teardown!();
    // Each shard's report follows its last page's render, and comes before the next render.
    const reports = log.filter((line) => line.startsWith('shard'));
    expect(reports.length).toBe(new Set(order.slice(0, ids.length).map((p) => shardOf(`${p.pathname}/`, 4))).size);
    for (const report of reports) {
      const at = log.indexOf(report);
      const files = report.split(': ')[1]!.split(' ');
      expect(log[at - 1]).toBe(`render /documents/${files.at(-1)}/`);
      for (const id of files) expect(log.indexOf(`render /documents/${id}/`)).toBeLessThan(at);
    }
    expect(log.at(-1)).toBe('teardown');
  });

  it('reports a shard whose pages Astro restored without rendering them (an incremental build) once a later path is asked for', async () => {
    const log: string[] = [];
    const wrapped = pagesByShard(fake(paths, log), { siteDir: '/site', perShard: 2, onShardWritten: (shard) => log.push(`shard ${shard}`) });
    const order = await wrapped.getStaticPaths();
    const documents = order.slice(0, ids.length);
    const shards = documents.map((p) => shardOf(`${p.pathname}/`, 4));
    // Only the last page of the list is rendered; every other document page is "restored".
    await wrapped.render(new Request(new URL(`${documents.at(-1)!.pathname}/`, 'http://x')), { routeData: documents.at(-1)!.route });
    const before = [...new Set(shards.slice(0, -1))].filter((shard) => shard !== shards.at(-1));
    expect(log.filter((line) => line.startsWith('shard'))).toEqual(before.map((shard) => `shard ${shard}`));
    await wrapped.render(new Request(new URL('/search/', 'http://x')), { routeData: order.at(-1)!.route });
    expect(log.filter((line) => line.startsWith('shard'))).toEqual([...new Set(shards)].map((shard) => `shard ${shard}`));
  });

  it('keeps Astro\'s order and reports nothing when a document page\'s path is also another route\'s', async () => {
    const clash = [...paths, entry('/documents/c', 'src/pages/[...slug].astro')];
    const log: string[] = [];
    const wrapped = pagesByShard(fake(clash, log), { siteDir: '/site', perShard: 2, onShardWritten: (shard) => log.push(`shard ${shard}`) });
    const order = await wrapped.getStaticPaths();
    expect(order).toEqual(clash);
    for (const p of order) await wrapped.render(new Request(new URL(`${p.pathname.replace(/\/?$/, '/')}`, 'http://x')), { routeData: p.route });
    await wrapped.teardown!();
    expect(log.filter((line) => line.startsWith('shard'))).toEqual([]);
  });

  it('reports nothing more after a page fails to render', async () => {
    const log: string[] = [];
    const failing: AstroPrerenderer = { ...fake(paths, log), render: async () => Promise.reject(new Error('render failed')) };
    const wrapped = pagesByShard(failing, { siteDir: '/site', perShard: 2, onShardWritten: (shard) => log.push(`shard ${shard}`) });
    const order = await wrapped.getStaticPaths();
    await expect(wrapped.render(new Request(new URL(`${order[0]!.pathname}/`, 'http://x')), { routeData: order[0]!.route })).rejects.toThrow('render failed');
    await expect(wrapped.render(new Request(new URL('/search/', 'http://x')), { routeData: order.at(-1)!.route })).rejects.toThrow('render failed');
    await wrapped.teardown!();
    expect(log).toEqual(['teardown']);
  });
});
