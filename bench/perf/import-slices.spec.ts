import { slices } from './import-slices';

describe('import slices', () => {
  // Progress samples every second: 1,000 rows/s for 5 s, then 500 rows/s.
  const samples = Array.from({ length: 12 }, (_, i) => {
    const t = i + 1;
    return { t, processed: t <= 5 ? t * 1000 : 5000 + (t - 5) * 500 };
  });

  it('gives each slice its own rows and time', () => {
    expect(slices(samples, 8000, 2500)).toEqual([
      { upTo: 2500, seconds: 3, recordsPerSecond: 833 },
      { upTo: 5000, seconds: 2, recordsPerSecond: 1250 },
      { upTo: 7500, seconds: 5, recordsPerSecond: 500 },
      { upTo: 8000, seconds: 1, recordsPerSecond: 500 },
    ]);
  });

  it('reports an import smaller than one slice as one short slice', () => {
    expect(slices(samples, 2000, 100_000)).toEqual([
      { upTo: 2000, seconds: 2, recordsPerSecond: 1000 },
    ]);
  });

  it('stops at the last slice the samples reach', () => {
    // The samples end at 8,500 rows: the slice up to 10,000 is not reported.
    expect(slices(samples, 20_000, 5000)).toEqual([
      { upTo: 5000, seconds: 5, recordsPerSecond: 1000 },
    ]);
  });
});
