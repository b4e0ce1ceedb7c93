/**
 * Serves the built archive: `npm run preview [-- --port N] [--dir dist]`.
 * `npm start` builds first, then runs this.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { serveStatic } from '../src/server/static-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: 'dist' },
  },
});

if (!existsSync(`${values.dir}/index.html`)) {
  console.error(`${values.dir}/index.html is missing: build the archive first with "npm run build".`);
  process.exit(1);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}
const { url } = await serveStatic(values.dir, values.host, port);
console.log(`文渊 is being served at ${url}  (Ctrl+C to stop)`);
