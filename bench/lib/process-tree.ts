/**
 * CPU time and resident memory of a whole process tree, read from /proc (Linux only).
 *
 * `/usr/bin/time -v` reports the largest single process's RSS, but a build is Astro's Node
 * process plus sharp's threads plus the Pagefind binary it spawns: the memory a CI runner
 * must have is their sum at the worst moment. So we sum RSS over the tree, sampled.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on every Linux we run on.
const PAGE_BYTES = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime, in ms: includes children this process has reaped. */
  cpuMs: number;
  rssBytes: number;
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: split after the last ')'.
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(fields[i - 3]);
    return {
      pid: Number(pid),
      ppid: n(4),
      cpuMs: (n(14) + n(15) + n(16) + n(17)) * TICK_MS,
      rssBytes: n(24) * PAGE_BYTES,
    };
  } catch {
    return undefined; // exited between readdir and read
  }
}

export interface TreeSample {
  cpuMs: number;
  rssBytes: number;
  processes: number;
}

/** Sum CPU and RSS over `root` and every descendant alive now. */
export function sampleTree(root: number): TreeSample {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry)) {
      const stat = readStat(entry);
      if (stat) stats.push(stat);
    }
  }
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) {
    const list = children.get(stat.ppid) ?? [];
    list.push(stat);
    children.set(stat.ppid, list);
  }
  const self = stats.find((s) => s.pid === root);
  if (!self) return { cpuMs: 0, rssBytes: 0, processes: 0 };
  const sample: TreeSample = { cpuMs: 0, rssBytes: 0, processes: 0 };
  const queue = [self];
  while (queue.length > 0) {
    const stat = queue.pop()!;
    sample.cpuMs += stat.cpuMs;
    sample.rssBytes += stat.rssBytes;
    sample.processes++;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return sample;
}
