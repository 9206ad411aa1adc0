/**
 * The machine a benchmark ran on, printed in its header and written into its JSON. The core count
 * and memory are the same on every machine of this kind, but the processor behind them is not:
 * hosts of one kind have run the same import at twice the speed of others (bench/HISTORY.md,
 * ninth session), so figures compare only between runs on the same processor.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface MachineInfo {
  cpus: number;
  /** The model name with its family and model numbers where /proc/cpuinfo gives them. */
  cpuModel: string;
  memGiB: number;
  node: string;
  platform: string;
}

/** `cpu family` and `model` of the first processor in Linux's /proc/cpuinfo text. */
export function cpuGeneration(cpuinfo: string): string | undefined {
  const field = (name: string) =>
    new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(cpuinfo)?.[1]?.trim();
  const family = field('cpu family');
  const model = field('model');
  return family === undefined || model === undefined
    ? undefined
    : `family ${family} model ${model}`;
}

function readCpuinfo(): string {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return '';
  }
}

export function machineInfo(): MachineInfo {
  const cores = cpus();
  const name = cores[0]?.model.trim() ?? 'unknown';
  const generation = cpuGeneration(readCpuinfo());
  return {
    cpus: cores.length,
    cpuModel: generation === undefined ? name : `${name}, ${generation}`,
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** "2 cores (AMD EPYC, family 26 model 2), 24 GB, node v20.20.2" */
export function describeMachine(m: MachineInfo = machineInfo()): string {
  return `${m.cpus} cores (${m.cpuModel}), ${Math.round(m.memGiB)} GB, node ${m.node}`;
}
