/**
 * Shared pieces of turning an entity into one channel's record: the output type, the record
 * being built with its hard-case tags, and field renderings common to persons and companies.
 */
import type { CustomerRecordInput, StructuredAddress } from '../../src/normalize/customer-record';
import {
  freeTextAddress,
  partialAddress,
  structuredAddress,
  type PostalAddress,
} from './addresses';
import type { Channel, CommonHabits } from './channels';
import type { RecordHardCase } from './hard-cases';
import type { Rng } from './prng';
import type { ReferenceData } from './reference-data';
import { toTraditional } from './script';
import { hanTypo } from './typos';

/** One generated record with its ground truth and what makes it hard. */
export interface GeneratedRecord {
  record: CustomerRecordInput;
  entityId: string;
  /** Whether the record's ID number is the entity's valid one or a mistyped copy. */
  idValidity?: 'valid' | 'mistyped';
  entityHardCases: readonly string[];
  recordHardCases: RecordHardCase[];
}

export interface RenderContext {
  rng: Rng;
  ref: ReferenceData;
  channel: Channel;
  sourceId: string;
}

export class RecordDraft {
  readonly record: CustomerRecordInput;
  readonly tags = new Set<RecordHardCase>();
  idValidity?: 'valid' | 'mistyped';
  readonly traditional: boolean;

  constructor(
    readonly ctx: RenderContext,
    kind: CustomerRecordInput['kind'],
    habits: CommonHabits,
  ) {
    this.record = { source: ctx.channel, sourceId: ctx.sourceId, kind };
    this.traditional = ctx.rng.chance(habits.traditional);
    if (this.traditional) this.tags.add('traditional');
  }

  /** Han text as this record writes it: maybe a typo (from `typoFrom` on), maybe traditional. */
  han(text: string, typoRate: number, typoFrom = 0): string {
    return this.script(this.hanTypo(text, typoRate, typoFrom));
  }

  hanTypo(text: string, typoRate: number, typoFrom = 0): string {
    if (!this.ctx.rng.chance(typoRate)) return text;
    const out = hanTypo(this.ctx.rng, this.ctx.ref, text, typoFrom);
    if (out !== text) this.tags.add('typo');
    return out;
  }

  script(text: string): string {
    return this.traditional ? toTraditional(text) : text;
  }

  typo(text: string, typoRate: number, mistype: (s: string) => string): string {
    if (!this.ctx.rng.chance(typoRate)) return text;
    const out = mistype(text);
    if (out !== text) this.tags.add('typo');
    return out;
  }

  addPhone(phone: string): void {
    (this.record.phones ??= []).push(phone);
  }

  setAddress(address: PostalAddress, habits: CommonHabits): void {
    const { rng } = this.ctx;
    const typoed: PostalAddress = { ...address, road: this.hanTypo(address.road, habits.typo) };
    const style = rng.weighted(habits.addressStyles);
    switch (style) {
      case 'structured': {
        const fields = structuredAddress(typoed);
        this.record.address = this.traditional ? traditionalFields(fields) : fields;
        return;
      }
      case 'free':
        this.record.address = this.script(
          freeTextAddress(typoed, {
            withProvince: rng.chance(0.6),
            spaced: rng.chance(0.2),
            fullWidthDigits: rng.chance(0.05),
          }),
        );
        return;
      case 'partial':
        this.record.address = this.script(partialAddress(rng, typoed));
        return;
    }
  }

  finish(entityId: string, entityHardCases: readonly string[]): GeneratedRecord {
    return {
      record: this.record,
      entityId,
      idValidity: this.idValidity,
      entityHardCases,
      recordHardCases: [...this.tags],
    };
  }
}

function traditionalFields(address: StructuredAddress): StructuredAddress {
  const out: StructuredAddress = {};
  for (const key of Object.keys(address) as (keyof StructuredAddress)[]) {
    const value = address[key];
    if (value !== undefined) out[key] = key === 'country' ? value : toTraditional(value);
  }
  return out;
}
