export interface ImportSlice {
  /** The slice ends when this many rows are processed. */
  upTo: number;
  seconds: number;
  recordsPerSecond: number;
}

/**
 * Records/s of each consecutive slice of rows, from the progress samples; the last slice may be
 * shorter (the rows left after the last whole slice).
 */
export function slices(
  samples: readonly { t: number; processed: number }[],
  total: number,
  size: number,
): ImportSlice[] {
  const out: ImportSlice[] = [];
  let previous = { t: 0, rows: 0 };
  while (previous.rows < total) {
    const upTo = Math.min(previous.rows + size, total);
    const reached = samples.find((s) => s.processed >= upTo);
    if (reached === undefined) break;
    const seconds = reached.t - previous.t;
    out.push({
      upTo,
      seconds: round(seconds),
      recordsPerSecond: Math.round((upTo - previous.rows) / seconds),
    });
    previous = { t: reached.t, rows: upTo };
  }
  return out;
}

export function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}
