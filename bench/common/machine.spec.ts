import { cpuGeneration, describeMachine, machineInfo } from './machine';

describe('machine description', () => {
  it.each([
    [
      'AMD',
      'processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\nmodel name\t: AMD EPYC\n',
      'family 26 model 2',
    ],
    [
      'Intel, model name after model',
      'processor\t: 0\ncpu family\t: 6\nmodel\t\t: 85\nmodel name\t: Intel(R) Xeon(R)\n',
      'family 6 model 85',
    ],
    ['no such fields (not Linux x86)', 'Processor\t: ARMv7\n', undefined],
  ])('reads the processor generation: %s', (_case, cpuinfo, expected) => {
    expect(cpuGeneration(cpuinfo)).toBe(expected);
  });

  it('names the cores, processor, memory and node version', () => {
    const text = describeMachine({
      cpus: 2,
      cpuModel: 'AMD EPYC, family 26 model 2',
      memGiB: 23.4,
      node: 'v20.20.2',
      platform: 'linux-x64',
    });
    expect(text).toBe('2 cores (AMD EPYC, family 26 model 2), 23 GB, node v20.20.2');
  });

  it('describes this machine', () => {
    const m = machineInfo();
    expect(m.cpus).toBeGreaterThan(0);
    expect(m.cpuModel.length).toBeGreaterThan(0);
    expect(m.node).toBe(process.version);
  });
});
