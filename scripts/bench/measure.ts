/**
 * Runs a command and measures its wall time and the peak memory of its whole
 * process tree (the sum of resident memory of the process and every
 * descendant, sampled from /proc), since Astro and Pagefind run in several
 * processes and a single process's peak understates the machine's load; and
 * the CPU seconds the tree used, which vary far less than wall time when the
 * machine is shared or its speed drifts (on 2026-12-02 two cold 10,000-document
 * builds an hour apart took 96 and 175 s for the same content step).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What one measured step cost. */
export interface Measurement {
  seconds: number;
  peakMiB: number;
  /** User and system CPU seconds of the command and every descendant it waited for. */
  cpuSeconds?: number;
  exitCode: number | null;
}

/** Linux's clock tick for the times in /proc (`getconf CLK_TCK`: 100 on every kernel we build on). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used by this process's children that have ended and been
 * waited for (cutime + cstime of /proc/self/stat): a child's own figure
 * includes its descendants that it waited for in turn (Astro's Pagefind
 * processes). Read before and after a step, the difference is the step's,
 * as long as steps run one at a time.
 */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

const PAGE_BYTES = 4096;

function processTable(): Map<number, { ppid: number; rssPages: number }> {
  const table = new Map<number, { ppid: number; rssPages: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which may itself contain spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), rssPages: Number(fields[21]) });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += (table.get(pid)?.rssPages ?? 0) * PAGE_BYTES;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `command args` with `env`, sampling memory every `intervalMs`. Output goes to the log function. */
export function measure(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; intervalMs?: number; quiet?: boolean } = {},
): Promise<Measurement> {
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, options.intervalMs ?? 100);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once('exit', (exitCode) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peak / 2 ** 20, cpuSeconds: childrenCpuSeconds() - cpuBefore, exitCode });
    });
  });
}
