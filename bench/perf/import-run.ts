import { openAsBlob } from 'node:fs';

/** What GET /v1/imports/{id} answers, as far as the benches read it. */
export interface ImportState {
  state: string;
  rows: Record<string, number | null>;
  recordsPerSecond: number | null;
  failure: unknown;
}

export interface ImportSample {
  /** Seconds since the import was queued. */
  t: number;
  processed: number;
}

export interface FollowedImport {
  /** Seconds the upload took (POST /v1/imports until its 202). */
  uploadSeconds: number;
  /** The import's last state (completed, failed or cancelled). */
  last: ImportState;
  samples: ImportSample[];
}

/**
 * Uploads an NDJSON file through POST /v1/imports (source `bench`) and polls its state every
 * half second until it ends; `onSample` sees each poll (progress lines, slices).
 */
export async function runImport(
  apiUrl: string,
  key: string,
  file: string,
  onSample: (last: ImportState, samples: readonly ImportSample[]) => void = () => undefined,
): Promise<FollowedImport> {
  const uploadStarted = performance.now();
  const form = new FormData();
  form.set('source', 'bench');
  form.set('file', await openAsBlob(file), 'records.ndjson');
  const res = await fetch(`${apiUrl}/v1/imports`, {
    method: 'POST',
    headers: { 'X-API-Key': key },
    body: form,
  });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const queued = performance.now();
  const samples: ImportSample[] = [];
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const last = (await (
      await fetch(`${apiUrl}/v1/imports/${id}`, { headers: { 'X-API-Key': key } })
    ).json()) as ImportState;
    samples.push({
      t: (performance.now() - queued) / 1000,
      processed: Number(last.rows.processed),
    });
    onSample(last, samples);
    if (['completed', 'failed', 'cancelled'].includes(last.state)) {
      return { uploadSeconds: (queued - uploadStarted) / 1000, last, samples };
    }
  }
}
