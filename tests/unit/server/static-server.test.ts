import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, serveStatic } from '../../../src/server/static-server.ts';

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
});
