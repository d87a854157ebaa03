import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES } from '@hub/hub/build';

/** Child processes of a benchmark run (subgraphs, gateways), each logging to its own file, and their CPU and memory. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The compiled entry (dist/<name>.js, hub/src/build.ts) of a hub service's source; undefined for any other script. */
function distEntryOf(script: string): string | undefined {
  const name = Object.entries(ENTRIES).find(([, source]) => resolve(ROOT, source) === resolve(script))?.[0];
  return name === undefined ? undefined : join(ROOT, 'dist', `${name}.js`);
}

/**
 * The NODE_OPTIONS the image sets for every hub service (the Dockerfile's runtime stage; docs/operations.md, "Memory"),
 * read from the Dockerfile itself so that the benchmark cannot drift from what users run.
 */
export function imageNodeOptions(dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')): string {
  const runtime = dockerfile
    .slice(dockerfile.search(/^FROM .* AS runtime$/m))
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  const value = /\bNODE_OPTIONS=("[^"]*"|\S+)/.exec(runtime)?.[1];
  if (value === undefined) throw new Error("The Dockerfile's runtime stage sets no NODE_OPTIONS.");
  return value.replace(/^"|"$/g, '');
}

let built = false;

/** Compiles dist/ from the current sources, once per benchmark run, so that a run never measures an older build. */
function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  logPath: string;
  stop(): Promise<void>;
}

/**
 * Starts `script` as a process of its own. A hub service (a gateway or subgraph entry) starts as the image starts it:
 * `node dist/<name>.js` with the image's NODE_OPTIONS ({@link imageNodeOptions}), from a dist/ compiled at the start of
 * the run; `nodeArgs` are given on the command line, so they win over NODE_OPTIONS. Any other script (Hive Gateway) runs from its source with tsx.
 */
export function startService(name: string, script: string, env: Record<string, string>, logDir: string, nodeArgs: string[] = []): ServiceProcess {
  const logPath = join(logDir, `${name}.log`);
  const log = createWriteStream(logPath, { flags: 'w' });
  const entry = distEntryOf(script);
  if (entry) buildOnce();
  const nodeOptions = entry ? imageNodeOptions() : undefined;
  const child = spawn(process.execPath, entry ? [...nodeArgs, entry] : [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, ...env, ...(nodeOptions !== undefined ? { NODE_OPTIONS: nodeOptions } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  const pid = child.pid;
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    name,
    child,
    pid,
    logPath,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Fails when another process listens on one of `ports` (e.g. a second benchmark run): its answers to the readiness
 * checks would be taken for ours, and our load would land on it.
 */
export async function assertPortsFree(ports: number[], host = '127.0.0.1'): Promise<void> {
  const taken: number[] = [];
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, host, () => server.close(() => resolve(true)));
    });
    if (!free) taken.push(port);
  }
  if (taken.length > 0) throw new Error(`Ports in use by another process: ${taken.join(', ')} (is another benchmark running? --port-offset moves this one).`);
}

/** Polls `url` until it answers 200; fails with the service's last log lines when it does not within `timeoutMs`. */
export async function waitForReady(service: ServiceProcess, url: string, timeoutMs = 60_000, init?: RequestInit): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (service.child.exitCode !== null) break;
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = readFileSync(service.logPath, 'utf8').split('\n').slice(-15).join('\n');
  throw new Error(`${service.name} did not become ready at ${url}:\n${tail}`);
}

const CLOCK_TICKS = 100;

interface ProcStat {
  cpuSeconds: number;
  rssMb: number;
}

function readProc(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return { cpuSeconds, rssMb: rss ? Number(rss[1]) / 1024 : 0 };
  } catch {
    return undefined;
  }
}

/** The process and its descendants (a gateway's cluster workers), from the parent ids in /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i] ?? -1) ?? []));
  return tree;
}

function readTree(pids: number[]): ProcStat | undefined {
  const stats = pids.map(readProc).filter((s): s is ProcStat => s !== undefined);
  if (stats.length === 0) return undefined;
  return { cpuSeconds: stats.reduce((a, s) => a + s.cpuSeconds, 0), rssMb: stats.reduce((a, s) => a + s.rssMb, 0) };
}

/** Every PostgreSQL server process on this machine (the benchmark's database server is local). */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

export interface ProcessFigures {
  /** Average CPU use over the window, in % of one core (a process with workers: all of them). */
  cpuPercent: number;
  /** Largest resident set seen during the window (a process with workers: their sum). */
  maxRssMb: number;
  /** Processes counted (1, or the primary and its workers). */
  processes: number;
}

/** Samples CPU time and RSS of the named processes (and PostgreSQL, summed) while a load runs. */
export class ProcessSampler {
  private readonly trees = new Map<string, number[]>();
  private readonly start = new Map<string, number>();
  private readonly maxRss = new Map<string, number>();
  private readonly pgStart = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;

  constructor(private readonly pids: Record<string, number>) {}

  begin(): void {
    this.startedAt = performance.now();
    for (const [name, pid] of Object.entries(this.pids)) {
      const tree = processTree(pid);
      this.trees.set(name, tree);
      const s = readTree(tree);
      this.start.set(name, s?.cpuSeconds ?? 0);
      this.maxRss.set(name, s?.rssMb ?? 0);
    }
    for (const pid of postgresPids()) this.pgStart.set(pid, readProc(pid)?.cpuSeconds ?? 0);
    this.timer = setInterval(() => {
      for (const [name, tree] of this.trees) {
        const s = readTree(tree);
        if (s) this.maxRss.set(name, Math.max(this.maxRss.get(name) ?? 0, s.rssMb));
      }
    }, 200);
  }

  end(): Record<string, ProcessFigures> {
    if (this.timer) clearInterval(this.timer);
    const wall = (performance.now() - this.startedAt) / 1000;
    const figures: Record<string, ProcessFigures> = {};
    for (const [name, tree] of this.trees) {
      const s = readTree(tree);
      const cpu = (s?.cpuSeconds ?? 0) - (this.start.get(name) ?? 0);
      figures[name] = {
        cpuPercent: Math.round((cpu / wall) * 100),
        maxRssMb: Math.round(Math.max(this.maxRss.get(name) ?? 0, s?.rssMb ?? 0)),
        processes: tree.length,
      };
    }
    let pgCpu = 0;
    for (const pid of postgresPids()) pgCpu += (readProc(pid)?.cpuSeconds ?? 0) - (this.pgStart.get(pid) ?? 0);
    figures.postgres = { cpuPercent: Math.round((pgCpu / wall) * 100), maxRssMb: 0, processes: postgresPids().length };
    return figures;
  }
}
