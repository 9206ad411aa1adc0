import { readFileSync } from 'node:fs';
import { machineTicks, processTicks } from './cpu-accounting';

describe('CPU accounting', () => {
  it('reads utime + stime of a process whose name has spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const stat = '4242 (node (worker) x) S 1 4242 4242 0 -1 4194304 900 0 3 0 1234 56 7 8 20 0 11';
    expect(processTicks(stat)).toBe(1234 + 56);
  });

  it('reads this process from /proc as a non-negative tick count', () => {
    const ticks = processTicks(readFileSync(`/proc/${process.pid}/stat`, 'utf8'));
    expect(Number.isInteger(ticks)).toBe(true);
    expect(ticks).toBeGreaterThanOrEqual(0);
  });

  it('splits the machine line into busy, steal and total ticks', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice
    const procStat = 'cpu  100 5 30 800 10 2 3 50 0 0\ncpu0 50 2 15 400 5 1 1 25 0 0\n';
    expect(machineTicks(procStat)).toEqual({
      busy: 100 + 5 + 30 + 2 + 3,
      steal: 50,
      total: 100 + 5 + 30 + 800 + 10 + 2 + 3 + 50,
    });
  });
});
