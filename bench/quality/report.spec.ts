import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreClustering } from './metrics';
import { buildResult, formatResult, formatTable, writeResultJson } from './report';

const truth = new Map([
  ['a', '1'],
  ['b', '1'],
  ['c', '2'],
  ['d', '2'],
]);
const predicted = new Map([
  ['a', 'X'],
  ['b', 'X'],
  ['c', 'X'],
  ['d', 'Y'],
]);
const result = buildResult(
  'tiny',
  scoreClustering(truth, predicted),
  { reviewItems: 3, decisions: { linked: 2, created: 2 }, errors: 0, seconds: 2 },
  { version: '0.1.0', configHash: 'abc123' },
  new Date('2025-01-02T03:04:05Z'),
);

describe('quality report', () => {
  it('writes quality-<dataset>.json with scores, timing, engine and machine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quality-'));
    const path = writeResultJson(result, dir);
    expect(path).toBe(join(dir, 'quality-tiny.json'));
    const json = JSON.parse(readFileSync(path, 'utf8'));
    expect(json).toMatchObject({
      dataset: 'tiny',
      records: 4,
      entities: 2,
      clusters: 2,
      pairwise: { tp: 1, fp: 2, fn: 1 },
      reviewItems: 3,
      seconds: 2,
      recordsPerSecond: 2,
      engine: { version: '0.1.0', configHash: 'abc123' },
      timestamp: '2025-01-02T03:04:05.000Z',
    });
    expect(json.bcubed.f1).toBeCloseTo(12 / 17, 12);
    expect(json.machine.cpus).toBeGreaterThan(0);
    expect(json.machine.node).toBe(process.version);
  });

  it('prints the figures a reader compares with published results', () => {
    const text = formatResult(result);
    expect(text).toContain('pairwise  P 33.33%  R 50.00%  F1 40.00%');
    expect(text).toContain('TP 1, FP 2, FN 1');
    expect(text).toContain('review items 3');
  });

  it('aligns one row per dataset under the header', () => {
    const lines = formatTable([result, { ...result, dataset: 'another' }]).split('\n');
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2].startsWith('tiny ')).toBe(true);
  });
});
