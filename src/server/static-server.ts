/**
 * A small static file server for the built archive, with the security
 * headers the README asks every host to send. Used by `npm start`,
 * `npm run preview` and the browser tests.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../lib/content-security-policy.ts';

const TYPES: Record<string, string> = {
  '.bib': 'text/x-bibtex; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ris': 'text/x-research-info-systems; charset=utf-8',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Maps a request path to a file under `root`, or undefined when there is none. */
export async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (target !== root && !target.startsWith(root + path.sep)) return undefined;
  if (await isFile(target)) return target;
  const index = path.join(target, 'index.html');
  return (await isFile(index)) ? index : undefined;
}

/** Starts serving `root` on host:port; resolves once listening. Port 0 picks a free port. */
export async function serveStatic(root: string, host = '127.0.0.1', port = 4321): Promise<{ server: Server; url: string }> {
  const absoluteRoot = path.resolve(root);
  const server = createServer(async (request, response) => {
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(request.url ?? '/'),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = request.url ?? '/';
    const file = await resolveFile(absoluteRoot, urlPath);
    // A directory without its trailing slash would break relative links. The
    // new address is made from the folder found, never from the request, so
    // a path such as //other.host/… cannot redirect off the site.
    if (file?.endsWith(`${path.sep}index.html`) && !urlPath.split('?')[0]!.endsWith('/') && !urlPath.endsWith('.html')) {
      const folder = path.relative(absoluteRoot, path.dirname(file)).split(path.sep).filter(Boolean);
      const location = `/${folder.map(encodeURIComponent).join('/')}${folder.length ? '/' : ''}${new URL(urlPath, 'http://localhost').search}`;
      response.writeHead(301, { ...headers, Location: location }).end();
      return;
    }
    const found = file ?? (await resolveFile(absoluteRoot, '/404.html'));
    if (!found) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
      return;
    }
    response.writeHead(file ? 200 : 404, {
      ...headers,
      // The archive's 404 page gets the archive's policy, also for a missing path under /admin/.
      ...(file ? {} : { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }),
      'Content-Type': TYPES[path.extname(found)] ?? 'application/octet-stream',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(found).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host}:${actualPort}/` };
}
