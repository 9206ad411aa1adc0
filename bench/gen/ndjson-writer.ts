/** Buffered NDJSON output that respects stream back-pressure (a file or stdout). */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const FLUSH_AT = 1 << 20;

export class NdjsonWriter {
  private buffer = '';

  constructor(private readonly out: Writable) {}

  /** Resolves at once unless the stream asked to wait (rarely: only when the buffer flushes). */
  async write(line: string): Promise<void> {
    this.buffer += line + '\n';
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Flushes and ends the stream (except stdout, which stays open). */
  async close(): Promise<void> {
    await this.flush();
    if (this.out === process.stdout) return;
    this.out.end();
    await once(this.out, 'finish');
  }
}
