import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../src/lib/content-security-policy.ts';
import { serveStatic } from '../../../src/server/static-server.ts';

const root = mkdtempSync(path.join(tmpdir(), 'wenyuan-serve-'));
let server: Server;
let port: number;

/** Sends a request with the path exactly as given (no URL normalisation by the client). */
function get(rawPath: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(path.join(root, 'search'), { recursive: true });
  mkdirSync(path.join(root, 'admin'), { recursive: true });
  writeFileSync(path.join(root, 'admin', 'index.html'), '<!doctype html><title>admin</title>');
  writeFileSync(path.join(root, 'admin', 'config.yml'), 'locale: zh_Hans\n');
  writeFileSync(path.join(root, 'search', 'index.html'), '<!doctype html><title>search</title>');
  writeFileSync(path.join(root, '404.html'), '<!doctype html><title>404</title>');
  const started = await serveStatic(root, '127.0.0.1', 0);
  server = started.server;
  port = Number(new URL(started.url).port);
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('static server', () => {
  it('sends the security headers with every answer', async () => {
    const { status, headers } = await get('/search/');
    expect(status).toBe(200);
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('adds the trailing slash on the same site, keeping the query', async () => {
    expect((await get('/search?q=%E4%BA%BA%E5%A4%A7')).headers.location).toBe('/search/?q=%E4%BA%BA%E5%A4%A7');
  });

  it('never redirects to another host', async () => {
    const { status, headers } = await get('//evil.example/..%2Fsearch');
    expect(status).toBe(301);
    expect(headers.location).toBe('/search/');
  });

  it('does not serve files outside its folder', async () => {
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/..%5c..%5cetc/passwd')).status).toBe(404);
  });

  it('relaxes the policy for the staff editor under /admin/ only', async () => {
    for (const page of ['/admin/', '/admin', '/admin/config.yml', '/admin/?x=1']) {
      const { headers } = await get(page);
      expect(headers['content-security-policy'], page).toBe(ADMIN_CONTENT_SECURITY_POLICY);
    }
    const config = await get('/admin/config.yml');
    expect(config.headers['content-type']).toBe('text/yaml; charset=utf-8');
    // A missing page under /admin/ is the archive's 404 page, with the archive's policy.
    const missing = await get('/admin/missing/');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    for (const page of ['/search/', '/administration/', '/admin/../search/', '/admin/%2e%2e/search/', '/']) {
      const { headers } = await get(page);
      expect(headers['content-security-policy'], page).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('gives the editor exactly what Decap needs beyond the archive policy: inline styles, eval, the backends', () => {
    const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    const site = directives(CONTENT_SECURITY_POLICY);
    const admin = directives(ADMIN_CONTENT_SECURITY_POLICY);
    expect([...admin.keys()]).toEqual([...site.keys()]);
    const added: Record<string, string[]> = {};
    for (const [name, values] of admin) {
      const extra = values.filter((value) => !site.get(name)!.includes(value));
      if (extra.length > 0) added[name] = extra;
    }
    expect(added).toEqual({
      'script-src': ["'unsafe-eval'"],
      'style-src': ["'unsafe-inline'"],
      'img-src': ['blob:', 'https:'],
      'connect-src': ['http://localhost:*', 'http://127.0.0.1:*', 'https://api.github.com', 'https://gitlab.com'],
      'worker-src': ['blob:'],
    });
    expect(admin.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy('/admin/%ZZ')).toBe(CONTENT_SECURITY_POLICY);
  });
});
