import { Injectable, Logger } from '@nestjs/common';
import { ImportStorage } from './import-storage';
import { ImportsRepository } from './imports.repository';

/** The ends of an import: completed, failed or cancelled. Each removes the stored file once. */
@Injectable()
export class ImportLifecycle {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly repository: ImportsRepository,
    private readonly storage: ImportStorage,
  ) {}

  /**
   * Called after each chunk and after planning; whichever comes last (after its own commit)
   * sees every chunk done, so an import cannot be left running with all its work finished.
   */
  async completeIfDone(importId: string): Promise<void> {
    if (await this.repository.completeIfDone(importId)) {
      await this.storage.remove(importId);
      this.logger.log({ importId }, 'Import completed');
    }
  }

  async fail(importId: string, code: string, message: string): Promise<void> {
    if (await this.repository.finish(importId, 'failed', { code, message })) {
      await this.storage.remove(importId);
      this.logger.warn({ importId, code }, `Import failed: ${message}`);
    }
  }

  /** False when the import had already ended. Chunks still waiting are skipped when they run. */
  async cancel(importId: string): Promise<boolean> {
    const cancelled = await this.repository.finish(importId, 'cancelled');
    if (cancelled) {
      await this.storage.remove(importId);
      this.logger.log({ importId }, 'Import cancelled');
    }
    return cancelled;
  }
}
