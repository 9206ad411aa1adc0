import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { JobQueue } from '../jobs/job-queue';
import {
  type ImportErrorView,
  type ImportView,
  toErrorView,
  toImportView,
} from './dto/import-view';
import { planJobId } from './import-jobs';
import { ImportLifecycle } from './import-lifecycle';
import { type ImportRequest, validateImportRequest } from './import-request';
import { ImportStorage } from './import-storage';
import { ImportChunksRepository } from './import-chunks.repository';
import { ImportsRepository } from './imports.repository';
import {
  decodeErrorsCursor,
  decodeListCursor,
  encodeErrorsCursor,
  encodeListCursor,
} from './imports-cursors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ERRORS_PAGE = 1000;

/** Starting, watching and cancelling imports; the work itself runs in the plan and chunk jobs. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly repository: ImportsRepository,
    private readonly chunks: ImportChunksRepository,
    private readonly storage: ImportStorage,
    private readonly jobs: JobQueue,
    private readonly lifecycle: ImportLifecycle,
  ) {}

  /** Registers an import whose file is already stored under `importId`, and queues it. */
  async create(
    importId: string,
    request: ImportRequest,
    fileBytes: number,
    createdBy: string,
  ): Promise<ImportView> {
    let valid;
    try {
      valid = validateImportRequest(request);
    } catch (error) {
      await this.storage.remove(importId);
      throw error;
    }
    await this.repository.insert({
      id: importId,
      ...valid,
      fileBytes,
      createdBy: createdBy.slice(0, 100),
    });
    try {
      await this.jobs.enqueue('imports.plan', { importId }, { jobId: planJobId(importId) });
    } catch (error) {
      await this.lifecycle.fail(importId, 'IMPORT_NOT_QUEUED', 'The import could not be queued.');
      throw error;
    }
    return this.get(importId);
  }

  /** The CLI: the request is checked before the file is copied into storage. */
  async importFile(
    path: string,
    request: Omit<ImportRequest, 'fileName'>,
    createdBy: string,
  ): Promise<ImportView> {
    const full = { ...request, fileName: basename(path) };
    validateImportRequest(full);
    const importId = randomUUID();
    const bytes = await this.storage.save(importId, createReadStream(path));
    return this.create(importId, full, bytes, createdBy);
  }

  async get(importId: string): Promise<ImportView> {
    const entry = UUID.test(importId) ? await this.repository.find(importId) : undefined;
    if (entry === undefined) throw notFound();
    return toImportView(entry, new Date());
  }

  async list(
    limit: number,
    cursor?: string,
  ): Promise<{ items: ImportView[]; nextCursor: string | null }> {
    const entries = await this.repository.list(
      limit,
      cursor === undefined ? undefined : decodeListCursor(cursor),
    );
    const now = new Date();
    const items = entries.map((e) => toImportView(e, now));
    const last = entries.at(-1);
    return {
      items,
      nextCursor: entries.length === limit && last !== undefined ? encodeListCursor(last) : null,
    };
  }

  async errors(
    importId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: ImportErrorView[]; nextCursor: string | null }> {
    await this.get(importId);
    const rows = await this.chunks.errors(
      importId,
      limit,
      cursor === undefined ? undefined : decodeErrorsCursor(cursor),
    );
    const last = rows.at(-1);
    return {
      items: rows.map(toErrorView),
      nextCursor: rows.length === limit && last !== undefined ? encodeErrorsCursor(last) : null,
    };
  }

  /** Every error of an import in row order, page by page (for the CSV download). */
  async *allErrors(importId: string): AsyncGenerator<ImportErrorView> {
    let after: { row: number; seq: number } | undefined;
    for (;;) {
      const rows = await this.chunks.errors(importId, ERRORS_PAGE, after);
      for (const row of rows) yield toErrorView(row);
      if (rows.length < ERRORS_PAGE) return;
      const last = rows[rows.length - 1];
      after = { row: last.row, seq: last.seq };
    }
  }

  /** Cancelling twice is fine; an import that already completed or failed cannot be. */
  async cancel(importId: string): Promise<ImportView> {
    const view = await this.get(importId);
    if (view.state === 'cancelled') return view;
    if (view.state === 'queued' || view.state === 'running') {
      if (await this.lifecycle.cancel(importId)) return this.get(importId);
    }
    const now = await this.get(importId);
    if (now.state === 'cancelled') return now;
    throw new DomainError(
      'IMPORT_NOT_CANCELLABLE',
      `The import has already ${now.state === 'completed' ? 'completed' : 'failed'}.`,
    );
  }
}

function notFound(): DomainError {
  return new DomainError('IMPORT_NOT_FOUND', 'No import with this id.');
}
