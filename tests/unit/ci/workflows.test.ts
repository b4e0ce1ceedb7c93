/**
 * The CI files, read with a real YAML parser: every GitHub Actions workflow in
 * .github/workflows/ and .gitlab-ci.yml. Each must have the structure its host
 * needs; every `npm run <script>` / `npm <command>` must name a script of
 * package.json or a built-in npm command, and every local file run must exist.
 * Pull requests are checked and tested; only the main branch deploys.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Yaml = Record<string, unknown>;

const WORKFLOWS = '.github/workflows';
const GITLAB = '.gitlab-ci.yml';
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

const githubFiles = existsSync(WORKFLOWS) ? readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(WORKFLOWS, f)).sort() : [];
const read = (file: string) => parse(readFileSync(file, 'utf8')) as Yaml;
const asRecord = (value: unknown): Yaml => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Yaml) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value.flat(10) : value === undefined || value === null ? [] : [value]);

/** npm's own commands a CI file may run (npm help); any other `npm x` must be a script. */
const NPM_BUILTINS = new Set(['install', 'i', 'ci', 'exec', 'x', 'ls', 'config', 'cache', 'audit', 'version', '--version', '-v', 'pkg', 'prune', 'rebuild']);
/** npm commands that run the package.json script of the same name. */
const NPM_SCRIPT_COMMANDS = new Set(['test', 't', 'start', 'stop', 'restart']);
/** Words that may stand before the command itself. */
const SHELL_PREFIXES = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', '(', 'time', 'exec', 'command']);

/** Splits shell text into simple commands (word lists), honouring quotes; good enough for CI one-liners. */
function simpleCommands(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const source = text.replace(/\\\n/g, ' ');
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '#' && !inWord) {
      while (i < source.length && source[i] !== '\n') i++;
      endCommand();
    } else if (c === '\n' || c === ';' || c === '&' || c === '|') {
      endCommand();
    } else if (c === ' ' || c === '\t') {
      endWord();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

/** The command words of a simple command: without leading assignments, shell keywords and case patterns. */
function commandWords(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (SHELL_PREFIXES.has(words[i]!) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!) || words[i]!.endsWith(')'))) i++;
  return words.slice(i);
}

/** What is wrong with one shell command of a CI file, or undefined. */
function problemOf(words: string[]): string | undefined {
  const [command, ...args] = commandWords(words);
  if (!command) return undefined;
  if (command === 'npm') {
    const positional = args.filter((a) => !a.startsWith('-') || a === '--version' || a === '-v');
    const sub = positional[0];
    if (!sub) return `npm without a command: ${words.join(' ')}`;
    if (sub === 'run' || sub === 'run-script') {
      const script = positional[1];
      return script && script in scripts ? undefined : `npm run ${script ?? ''}: no such script in package.json`;
    }
    if (NPM_SCRIPT_COMMANDS.has(sub)) return (sub === 't' ? 'test' : sub) in scripts ? undefined : `npm ${sub}: no "${sub}" script in package.json`;
    return NPM_BUILTINS.has(sub) ? undefined : `npm ${sub}: neither a script of package.json nor an npm command this test knows`;
  }
  if (command === 'node') {
    const file = args.find((a) => !a.startsWith('-'));
    return file && !path.isAbsolute(file) && !existsSync(file) ? `node ${file}: no such file` : undefined;
  }
  // A local file run by its path (.ci/run, ./scripts/x.sh): it must exist and be executable.
  if (command.includes('/') && !path.isAbsolute(command) && !command.startsWith('$') && !command.startsWith('..')) {
    if (!existsSync(command)) return `${command}: no such file`;
    if ((statSync(command).mode & 0o111) === 0) return `${command}: not executable`;
  }
  return undefined;
}

function problemsOf(texts: string[]): string[] {
  return texts.flatMap((text) => simpleCommands(text).map(problemOf)).filter((p): p is string => p !== undefined);
}

/** Every `run:` text of a GitHub workflow, with its job and the project folder it runs in. */
function githubRuns(workflow: Yaml): Array<{ job: string; run: string; dir: string; step: Yaml }> {
  const defaultsDir = asRecord(asRecord(workflow.defaults).run)['working-directory'];
  return Object.entries(asRecord(workflow.jobs)).flatMap(([job, body]) => {
    const jobDir = asRecord(asRecord(asRecord(body).defaults).run)['working-directory'] ?? defaultsDir;
    return asList(asRecord(body).steps).map(asRecord).filter((s) => typeof s.run === 'string').map((step) => ({ job, run: step.run as string, dir: String(step['working-directory'] ?? jobDir ?? '.'), step }));
  });
}

/** The project checkout's folder in a job: `path:` of the checkout of this repository, '.' by default. */
function projectDir(job: Yaml): string {
  const checkout = asList(job.steps).map(asRecord).find((s) => String(s.uses ?? '').startsWith('actions/checkout@') && !asRecord(s.with).repository);
  return String(asRecord(checkout?.with).path ?? '.');
}

/** The triggers of a workflow as an object (`on: push` and `on: [push]` included). */
function triggers(workflow: Yaml): Yaml {
  const on = workflow.on;
  if (typeof on === 'string') return { [on]: {} };
  if (Array.isArray(on)) return Object.fromEntries(on.map((t) => [String(t), {}]));
  return asRecord(on);
}

const usesOf = (job: Yaml) => asList(job.steps).map((s) => String(asRecord(s).uses ?? ''));

describe.each(githubFiles.map((file) => [file]))('GitHub workflow %s', (file) => {
  const workflow = read(file);
  const jobs = asRecord(workflow.jobs);

  it('parses, has a name, triggers and jobs, each job with a runner and steps', () => {
    expect(typeof workflow.name).toBe('string');
    expect(Object.keys(triggers(workflow)).length).toBeGreaterThan(0);
    expect(Object.keys(jobs).length).toBeGreaterThan(0);
    for (const [name, body] of Object.entries(jobs)) {
      const job = asRecord(body);
      if (typeof job.uses === 'string') continue; // a reusable workflow
      expect(job['runs-on'], `${name}: runs-on`).toBeTruthy();
      const steps = asList(job.steps).map(asRecord);
      expect(steps.length, `${name}: steps`).toBeGreaterThan(0);
      for (const step of steps) expect(typeof step.run === 'string' || typeof step.uses === 'string', `${name}: a step with neither run nor uses`).toBe(true);
      for (const needed of asList(job.needs)) expect(Object.keys(jobs), `${name} needs ${String(needed)}`).toContain(needed);
    }
  });

  it('uses actions by a major version or a commit, and local actions that exist', () => {
    for (const body of Object.values(jobs)) {
      for (const uses of usesOf(asRecord(body)).filter(Boolean)) {
        if (uses.startsWith('./')) expect(existsSync(uses), uses).toBe(true);
        else expect(uses).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
      }
    }
  });

  it('runs only npm scripts that exist and local files that exist', () => {
    const runs = githubRuns(workflow);
    for (const { job, run, dir } of runs) {
      // Paths in a step are relative to its working directory, which is the project checkout.
      expect(path.normalize(dir), `${job}: working-directory ${dir} is not the project checkout`).toBe(path.normalize(projectDir(asRecord(jobs[job]))));
      expect(problemsOf([run]), `${job}: ${run}`).toEqual([]);
    }
  });

  it('deploys only from the main branch, with the permissions and environment Pages needs', () => {
    const on = triggers(workflow);
    for (const [name, body] of Object.entries(jobs)) {
      const job = asRecord(body);
      if (!usesOf(job).some((u) => u.startsWith('actions/deploy-pages@'))) continue;
      expect(Object.keys(on), `${file}: a deploying workflow must not run for pull requests`).not.toContain('pull_request');
      expect(Object.keys(on)).not.toContain('pull_request_target');
      const pushBranches = asList(asRecord(on.push).branches);
      const onlyMainPushes = Object.keys(on).every((t) => t === 'push') && pushBranches.length === 1 && pushBranches[0] === 'main';
      // Any other trigger (workflow_dispatch runs on any branch) needs the job's own guard.
      if (!onlyMainPushes) expect(String(job.if ?? ''), `${name}: deploys from other branches`).toMatch(/github\.ref\s*==\s*'refs\/heads\/main'/);
      if (on.push) expect(pushBranches, 'push triggers only main').toEqual(['main']);
      const permissions = { ...asRecord(workflow.permissions), ...asRecord(job.permissions) };
      expect(permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
      expect(asRecord(job.environment).name).toBe('github-pages');
      expect(asRecord(workflow.concurrency).group ?? asRecord(job.concurrency).group, 'one deployment at a time').toBeTruthy();
    }
  });
});

/** `npm run build` itself, not `npm run build:partition` or `build:hub`. */
const SINGLE_BUILD = /\bnpm run build(?![\w:-])/;

describe('the GitHub workflows together', () => {
  const all = githubFiles.map((file) => ({ file, workflow: read(file) }));
  const commandsOf = (w: Yaml) => githubRuns(w).flatMap(({ run }) => simpleCommands(run).map((c) => commandWords(c).join(' ')));

  it('pull requests are installed, checked and tested, browser tests required', () => {
    const onPulls = all.filter(({ workflow }) => 'pull_request' in triggers(workflow));
    expect(onPulls.length).toBeGreaterThan(0);
    const commands = onPulls.flatMap(({ workflow }) => commandsOf(workflow));
    expect(commands.some((c) => /^npm (ci|install)\b/.test(c))).toBe(true);
    expect(commands).toContain('npm run check');
    const test = onPulls.flatMap(({ workflow }) => githubRuns(workflow)).find(({ run }) => /^npm test\b/m.test(run));
    expect(test, 'a step runs npm test').toBeDefined();
    expect(asRecord(test!.step.env).WENYUAN_E2E).toBe('required');
    // Chromium for the browser tests.
    expect(commands.some((c) => /apt-get install .*chromium/.test(c))).toBe(true);
  });

  it('the main branch is built with the build cache kept between runs, for the Pages address, and uploaded', () => {
    const builds = all.flatMap(({ workflow }) =>
      // The single build (npm run build, not build:partition or build:hub).
      Object.values(asRecord(workflow.jobs)).map(asRecord).filter((job) => asList(job.steps).some((s) => SINGLE_BUILD.test(String(asRecord(s).run ?? '')))).map((job) => ({ workflow, job })),
    );
    expect(builds.length).toBeGreaterThan(0);
    for (const { workflow, job } of builds) {
      expect(asList(asRecord(triggers(workflow).push).branches)).toContain('main');
      const steps = asList(job.steps).map(asRecord);
      const build = steps.find((s) => SINGLE_BUILD.test(String(s.run ?? '')))!;
      const env = { ...asRecord(workflow.env), ...asRecord(job.env), ...asRecord(build.env) };
      expect(env.WENYUAN_CACHE_DIR, 'WENYUAN_CACHE_DIR').toBeTruthy();
      expect(String(env.WENYUAN_CACHE_DIR)).not.toMatch(/^(\.\/)?node_modules/); // npm ci deletes node_modules
      const cache = steps.find((s) => String(s.uses ?? '').startsWith('actions/cache@') && String(asRecord(s.with).path).trim() === env.WENYUAN_CACHE_DIR);
      expect(cache, 'actions/cache keeps WENYUAN_CACHE_DIR').toBeDefined();
      expect(asRecord(cache!.with)['restore-keys'], 'a new key per run, restored from the last').toBeTruthy();
      expect(steps.indexOf(cache!)).toBeLessThan(steps.indexOf(build));
      expect(String(env.WENYUAN_SITE)).toMatch(/steps\.pages\.outputs\.base_url/);
      // Pages cannot send the CSP header; the pages carry it (README "Headers: what each host allows").
      expect(env.WENYUAN_CSP_META).toBe('1');
      const upload = steps.find((s) => String(s.uses ?? '').startsWith('actions/upload-pages-artifact@'));
      expect(asRecord(upload?.with).path).toBe('dist');
    }
  });
});

describe.runIf(existsSync(GITLAB))('GitLab CI (.gitlab-ci.yml)', () => {
  const config = existsSync(GITLAB) ? read(GITLAB) : {};
  const RESERVED = new Set(['stages', 'variables', 'default', 'workflow', 'include', 'image', 'services', 'cache', 'before_script', 'after_script']);
  const jobs = Object.entries(config).filter(([name]) => !RESERVED.has(name) && !name.startsWith('.')).map(([name, body]) => ({ name, job: asRecord(body) }));
  const scriptOf = (job: Yaml) => [...asList(asRecord(config.default).before_script), ...asList(job.before_script), ...asList(job.script), ...asList(job.after_script)].map(String);
  const rulesOf = (job: Yaml) => asList(job.rules).map((r) => String(asRecord(r).if ?? ''));
  const variables = (job: Yaml) => ({ ...asRecord(config.variables), ...asRecord(job.variables) });
  const pagesJobs = jobs.filter(({ name, job }) => name === 'pages' || job.pages === true || asRecord(job.pages).publish !== undefined);

  it('parses; every job has a declared stage and a script', () => {
    const stages = asList(config.stages);
    expect(jobs.length).toBeGreaterThan(0);
    for (const { name, job } of jobs) {
      expect(stages, `${name}: stage`).toContain(job.stage);
      expect(scriptOf(job).length, `${name}: script`).toBeGreaterThan(0);
    }
  });

  it('runs only npm scripts that exist and local files that exist', () => {
    for (const { name, job } of jobs) expect(problemsOf(scriptOf(job)), name).toEqual([]);
  });

  it('merge requests are installed, checked and tested, browser tests required', () => {
    const tests = jobs.filter(({ job }) => rulesOf(job).some((r) => r.includes('merge_request_event')));
    expect(tests.length).toBeGreaterThan(0);
    const commands = tests.flatMap(({ job }) => scriptOf(job).flatMap((s) => simpleCommands(s).map((c) => commandWords(c).join(' '))));
    expect(commands.some((c) => /^npm (ci|install)\b/.test(c))).toBe(true);
    expect(commands).toContain('npm run check');
    expect(commands).toContain('npm test');
    expect(commands.some((c) => /apt-get install .*chromium/.test(c))).toBe(true);
    for (const { job } of tests) if (scriptOf(job).some((s) => /^npm test\b/.test(s))) expect(variables(job).WENYUAN_E2E).toBe('required');
  });

  it('only the default branch publishes: dist/ with GitLab Pages, built with the build cache kept', () => {
    expect(pagesJobs.length).toBeGreaterThan(0);
    for (const { name, job } of pagesJobs) {
      const rules = rulesOf(job);
      expect(rules.length, `${name}: rules`).toBeGreaterThan(0);
      for (const rule of rules) expect(rule, `${name}: every rule limits it to the main branch`).toMatch(/\$CI_COMMIT_BRANCH == (\$CI_DEFAULT_BRANCH|"main")/);
      expect(asList(job.only).length + asList(job.except).length).toBe(0);
      // dist/ is published as it is (the project's public/ is Astro's folder of static files).
      const publish = String(asRecord(job.pages).publish ?? job.publish ?? 'public');
      expect(asList(asRecord(job.artifacts).paths).map(String)).toContain(publish);
      expect(publish).toBe('dist');
      const script = scriptOf(job);
      expect(script.some((s) => /\bnpm run build\b/.test(s))).toBe(true);
      expect(script.some((s) => /WENYUAN_SITE="?\$CI_PAGES_URL/.test(s))).toBe(true);
      expect(variables(job).WENYUAN_CSP_META).toBe('1');
      const cacheDir = String(variables(job).WENYUAN_CACHE_DIR ?? '');
      expect(cacheDir).toBeTruthy();
      expect(cacheDir).not.toMatch(/^(\.\/)?node_modules/);
      const cachedPaths = asList(job.cache).flatMap((c) => asList(asRecord(c).paths)).map((p) => String(p).replace(/\/$/, ''));
      expect(cachedPaths).toContain(cacheDir.replace(/\/$/, ''));
    }
  });
});

const GITLAB_PARTITIONED = 'ci/gitlab-partitioned.yml';

describe.runIf(existsSync(GITLAB_PARTITIONED))('GitLab partitioned pipeline (ci/gitlab-partitioned.yml)', () => {
  const config = existsSync(GITLAB_PARTITIONED) ? read(GITLAB_PARTITIONED) : {};
  const RESERVED = new Set(['stages', 'variables', 'default', 'workflow', 'include', 'image', 'services', 'cache', 'before_script', 'after_script']);
  const jobs = Object.entries(config).filter(([name]) => !RESERVED.has(name) && !name.startsWith('.')).map(([name, body]) => ({ name, job: asRecord(body) }));
  const template = (job: Yaml) => asRecord(config[String(job.extends ?? '')]);
  const scriptOf = (job: Yaml) => [...asList(template(job).before_script), ...asList(job.before_script), ...asList(job.script)].map(String);

  it('is a whole pipeline: its own stages, every job in one, only on the default branch', () => {
    const stages = asList(config.stages);
    expect(jobs.map(({ name }) => name)).toEqual(['partition-graph', 'partition', 'pages']);
    for (const { name, job } of jobs) expect(stages, `${name}: stage`).toContain(job.stage);
    expect(asList(asRecord(config.workflow).rules).map((r) => String(asRecord(r).if))).toEqual(['$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH']);
  });

  it('runs only npm scripts and local files that exist', () => {
    for (const { name, job } of jobs) expect(problemsOf(scriptOf(job)), name).toEqual([]);
  });

  it('builds every job for the same address with the CSP meta, and caches outside node_modules', () => {
    const variables = asRecord(config.variables);
    expect(variables.WENYUAN_SITE).toBe('$CI_PAGES_URL');
    expect(variables.WENYUAN_CSP_META).toBe('1');
    for (const { name, job } of jobs) {
      expect(asRecord(job.variables).WENYUAN_SITE, `${name} must not build for another address`).toBeUndefined();
      const paths = asList(asRecord(job.cache).paths).map(String);
      expect(paths.length, `${name}: cache`).toBeGreaterThan(0);
      for (const cached of paths) expect(cached, `${name}: npm ci deletes node_modules`).not.toMatch(/^(\.\/)?node_modules/);
    }
  });
});

describe('the shell splitting the checks rely on', () => {
  it('splits on ; && || | and newlines, not inside quotes, and skips assignments and case patterns', () => {
    expect(simpleCommands('npm ci || npm install && echo "a; b | c"\nnpm run check # comment; npm run nope').map(commandWords)).toEqual([
      ['npm', 'ci'],
      ['npm', 'install'],
      ['echo', 'a; b | c'],
      ['npm', 'run', 'check'],
    ]);
    expect(simpleCommands('WENYUAN_SITE="$CI_PAGES_URL" npm run build').map(commandWords)).toEqual([['npm', 'run', 'build']]);
    expect(problemsOf(['case "$x" in */?*) echo no; exit 1;; esac'])).toEqual([]);
  });

  it('finds a missing script, an unknown npm command and a missing local file', () => {
    expect(problemsOf(['npm run nope'])).toEqual(['npm run nope: no such script in package.json']);
    expect(problemsOf(['npm frobnicate'])).toHaveLength(1);
    expect(problemsOf(['.ci/nothing-here'])).toEqual(['.ci/nothing-here: no such file']);
    expect(problemsOf(['node scripts/nothing-here.ts'])).toEqual(['node scripts/nothing-here.ts: no such file']);
    expect(problemsOf(['npm run --silent check', 'npm test', '.ci/run', 'node scripts/check-content.ts'])).toEqual([]);
  });
});
