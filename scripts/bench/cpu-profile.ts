/**
 * Where a build step's CPU goes: reads the V8 CPU profiles that
 * `node --cpu-prof --cpu-prof-dir DIR` writes (one per thread: the main
 * thread and each worker) and sums each function's self time by where its
 * code lives — a package under node_modules, one of our own files, a Node
 * built-in, or V8's own work (garbage collection, compiling). Native
 * programs a step starts (Pagefind's indexer, esbuild, Rolldown) are not in
 * these profiles; their share is the step's CPU seconds minus the profiled
 * total.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of a `.cpuprofile` (V8's Profile object) read here. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time, in milliseconds, summed by a key. */
export type Tally = Map<string, number>;

/** What the profiles of one step hold. */
export interface ProfileSummary {
  /** Profiles read (threads). */
  threads: number;
  /** Sampled CPU milliseconds, idle time left out. */
  busyMs: number;
  /** Self time by where the code lives: a package, one of our files, `node:…` or a V8 activity in parentheses. */
  byOwner: Tally;
  /** Self time of each of our own functions (`file:line name`). */
  ours: Tally;
}

/** The package a module URL belongs to (`@scope/name` or `name`), or undefined outside node_modules. */
export function packageOf(url: string): string | undefined {
  const at = url.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const [first, second] = url.slice(at + '/node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : first;
}

/** Who owns a frame: a package, a file under `root`, a Node built-in, or V8 itself. */
export function ownerOf(url: string, functionName: string, root: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native code)';
  if (url.startsWith('node:')) return url;
  const pkg = packageOf(url);
  if (pkg) return pkg;
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  return file.startsWith(root) ? path.relative(root, file) : file;
}

function add(tally: Tally, key: string, ms: number): void {
  tally.set(key, (tally.get(key) ?? 0) + ms);
}

/** Sums the self time of every profile in `dir`; files under `root` outside node_modules count as ours. */
export function summariseProfiles(dir: string, root: string): ProfileSummary {
  const summary: ProfileSummary = { threads: 0, busyMs: 0, byOwner: new Map(), ours: new Map() };
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  for (const name of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as CpuProfile;
    summary.threads++;
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    // A sample's time is the gap to the next one (how Chrome's profiler reads them).
    for (let i = 0; i < profile.samples.length; i++) {
      const frame = frames.get(profile.samples[i]!);
      if (!frame || frame.functionName === '(idle)') continue;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const owner = ownerOf(frame.url, frame.functionName, root);
      summary.busyMs += ms;
      add(summary.byOwner, owner, ms);
      if (/^(src|scripts)\//.test(owner) && !packageOf(frame.url)) {
        add(summary.ours, `${owner}:${frame.lineNumber + 1} ${frame.functionName || '(anonymous)'}`, ms);
      }
    }
  }
  return summary;
}

/** The `limit` largest entries of a tally, largest first. */
export function largest(tally: Tally, limit: number): Array<[string, number]> {
  return [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

/** A Markdown table of a step's profile: the largest owners, then our largest functions, in CPU seconds, share and ms per document. */
export function describeProfile(step: string, summary: ProfileSummary, stepCpuSeconds: number | undefined, documents: number, limit = 15): string {
  const row = (key: string, ms: number) =>
    `| ${key} | ${(ms / 1000).toFixed(1)} | ${((100 * ms) / Math.max(summary.busyMs, 1)).toFixed(1)} % | ${(ms / documents).toFixed(2)} |`;
  const lines = [
    `#### ${step}: ${(summary.busyMs / 1000).toFixed(1)} CPU s profiled in ${summary.threads} thread(s)` +
      (stepCpuSeconds === undefined ? '' : `, ${stepCpuSeconds.toFixed(1)} CPU s in all (the rest, ${Math.max(0, stepCpuSeconds - summary.busyMs / 1000).toFixed(1)} s, in native programs and profiling)`),
    '',
    '| where | CPU s | share | ms per document |',
    '| --- | ---: | ---: | ---: |',
    ...largest(summary.byOwner, limit).map(([key, ms]) => row(key, ms)),
    '',
    '| our function | CPU s | share | ms per document |',
    '| --- | ---: | ---: | ---: |',
    ...largest(summary.ours, limit).map(([key, ms]) => row(key, ms)),
  ];
  return lines.join('\n');
}
