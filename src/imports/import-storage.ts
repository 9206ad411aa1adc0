import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/**
 * Uploaded files, kept until their import ends: a local folder in embedded mode, a path shared by
 * the API and the workers in server mode (IMPORT_STORAGE_DIR, e.g. a mounted volume). Files are
 * streamed to disk, never held in memory, and appear under their final name only when complete.
 */
@Injectable()
export class ImportStorage {
  constructor(private readonly config: AppConfig) {}

  path(importId: string): string {
    return join(this.config.importStorageDir, `${importId}.upload`);
  }

  /** Writes the stream to the import's file; returns its size in bytes. */
  async save(importId: string, content: Readable): Promise<number> {
    await mkdir(this.config.importStorageDir, { recursive: true });
    const partial = `${this.path(importId)}.part`;
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, counter, createWriteStream(partial));
      await rename(partial, this.path(importId));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return bytes;
  }

  async exists(importId: string): Promise<boolean> {
    try {
      return (await stat(this.path(importId))).isFile();
    } catch {
      return false;
    }
  }

  async remove(importId: string): Promise<void> {
    await rm(this.path(importId), { force: true });
  }
}
