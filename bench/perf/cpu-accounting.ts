import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process and machine CPU time in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process, from the text of /proc/PID/stat, in ticks. */
export function processTicks(stat: string): number {
  // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
  return Number(fields[11]) + Number(fields[12]);
}

export interface MachineTicks {
  busy: number;
  steal: number;
  total: number;
}

/** The machine's ticks from the first ("cpu") line of /proc/stat. */
export function machineTicks(procStat: string): MachineTicks {
  const line = procStat.slice(0, procStat.indexOf('\n'));
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  return {
    busy: user + nice + system + irq + softirq,
    steal,
    total: user + nice + system + idle + iowait + irq + softirq + steal,
  };
}

export interface CpuUse {
  /** CPU seconds of every process named `postgres` (backends and background processes). */
  postgresSeconds: number;
  /** CPU seconds of the processes given as workers, and of the API process. */
  workerSeconds: number;
  apiSeconds: number;
  /** Share of both cores' time the machine was busy, and the share the hypervisor took (steal). */
  machineBusy: number;
  machineSteal: number;
}

function readTicks(pid: number): number | undefined {
  try {
    return processTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // exited
  }
}

function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(+entry);
    } catch {
      // gone between listing and reading
    }
  }
  return pids;
}

/**
 * Where an import's CPU time goes: sampled once a second, because PostgreSQL backends come and go
 * and their time is lost from /proc once they exit. A process seen at the start counts from its
 * ticks then; one that appears later counts from zero. Linux only; elsewhere it reports zeros.
 */
export class CpuMeter {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly machineStart: MachineTicks | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly workerPids: () => number[],
    private readonly apiPid: number | undefined,
  ) {
    this.machineStart = readMachine();
    for (const pid of this.watched()) {
      const ticks = readTicks(pid);
      if (ticks !== undefined) this.start.set(pid, ticks);
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), 1000);
  }

  stop(): CpuUse {
    this.sample();
    clearInterval(this.timer);
    const seconds = (pids: readonly number[]) =>
      pids.reduce((sum, pid) => sum + ((this.last.get(pid) ?? 0) - (this.start.get(pid) ?? 0)), 0) /
      TICKS_PER_SECOND;
    const workers = new Set(this.workerPids());
    const postgres = [...this.last.keys()].filter((p) => !workers.has(p) && p !== this.apiPid);
    const before = this.machineStart;
    const after = readMachine();
    const span = before && after ? after.total - before.total : 0;
    const share = (pick: (t: MachineTicks) => number) =>
      before && after && span > 0 ? (pick(after) - pick(before)) / span : 0;
    return {
      postgresSeconds: seconds(postgres),
      workerSeconds: seconds([...workers]),
      apiSeconds: this.apiPid === undefined ? 0 : seconds([this.apiPid]),
      machineBusy: share((t) => t.busy),
      machineSteal: share((t) => t.steal),
    };
  }

  private watched(): number[] {
    const api = this.apiPid === undefined ? [] : [this.apiPid];
    return [...postgresPids(), ...this.workerPids(), ...api];
  }

  private sample(): void {
    for (const pid of this.watched()) {
      const ticks = readTicks(pid);
      if (ticks !== undefined) this.last.set(pid, ticks);
    }
  }
}

function readMachine(): MachineTicks | undefined {
  try {
    return machineTicks(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}
