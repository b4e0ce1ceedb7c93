/**
 * `npm run admin [-- --port N --host H]`: the staff editor on this machine.
 * Starts Decap's local backend (decap-server, which writes files straight
 * into the content folder, no login) and the site's development server, and
 * prints the editor's address once both answer. Ctrl+C ends both; so does
 * either one ending. The content folder is WENYUAN_CONTENT_DIR (default
 * content/); decap-server is given its parent folder as the repository root.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/build-paths.ts';

const USAGE = 'usage: npm run admin [-- --port N] [--host 127.0.0.1]   (port 0 or none: a free port)';

function fail(message: string, code = 1): never {
  process.stderr.write(`admin: ${message}\n`);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '0' }, host: { type: 'string', default: '127.0.0.1' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const host = values.host;
// decap-server has no login and writes into the working tree: never on the network.
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) fail(`--host must be this machine (127.0.0.1, localhost or ::1), got "${host}": the editor's local backend has no login and writes into the content folder`, 2);
const requestedPort = Number(values.port);
if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) fail(`--port must be a number from 0 to 65535, got "${values.port}"`, 2);

const content = path.resolve(contentDir());
if (!existsSync(content)) fail(`the content folder ${content} does not exist (WENYUAN_CONTENT_DIR)`);
const repoRoot = path.dirname(content);
const project = path.resolve(import.meta.dirname, '..');

/** A port nobody listens on now (the servers take it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const proxyPort = await freePort();
const sitePort = requestedPort || (await freePort());
const localBackend = `http://${host}:${proxyPort}/api/v1`;
const children: ChildProcess[] = [];
let stopping = false;

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
  process.exitCode = code;
}

function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: project, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`admin: ${name} ended (${signal ?? `exit ${code}`}); stopping\n`);
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('decap-server', [path.join(project, 'node_modules/decap-server/dist/index.js')], {
  PORT: String(proxyPort),
  BIND_HOST: host,
  MODE: 'fs',
  GIT_REPO_DIRECTORY: repoRoot,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
start('astro dev', [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', host, '--port', String(sitePort)], {
  WENYUAN_CONTENT_DIR: content,
  WENYUAN_ADMIN_LOCAL_URL: localBackend,
  WENYUAN_ADMIN_FOLDER: path.basename(content),
  ASTRO_TELEMETRY_DISABLED: '1',
});

const adminUrl = `http://${host}:${sitePort}/admin/`;
for (let attempt = 0; !stopping && attempt < 600; attempt++) {
  try {
    const [config, proxy] = await Promise.all([
      fetch(new URL('config.yml', adminUrl)),
      fetch(localBackend, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'info' }) }),
    ]);
    if (config.ok && proxy.ok) {
      console.log(`\n文渊编辑器 (staff editor): ${adminUrl}\n  writes into ${content}/ through decap-server on port ${proxyPort}; Ctrl+C stops both\n`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
