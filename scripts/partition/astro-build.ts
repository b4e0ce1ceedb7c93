/** Runs `astro build` in a child process with the given environment; throws when it fails. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ASTRO = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/** Builds the site with `env` added to this process's environment. */
export function astroBuild(env: Record<string, string>, what: string): void {
  const build = spawnSync(process.execPath, [ASTRO, 'build', ...(process.env.WENYUAN_QUIET === '1' ? ['--silent'] : [])], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'inherit',
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
  });
  if (build.status !== 0) throw new Error(`${what}: astro build failed (exit ${build.status ?? build.signal})`);
}
