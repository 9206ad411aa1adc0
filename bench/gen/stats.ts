/** Realised counts of a generator run, so every hard-case rate can be reported as measured. */
import type { GeneratedRecord } from './record-draft';

export interface StatsSummary {
  records: number;
  entities: { persons: number; organizations: number };
  recordsPerEntity: number;
  recordsByChannel: Record<string, number>;
  /** Entities with each hard case, and their share of entities of that kind. */
  entityHardCases: Record<string, { entities: number; share: number }>;
  /** Records with each record-level hard case, and their share of all records. */
  recordHardCases: Record<string, { records: number; share: number }>;
  /** Records carrying an ID number, and the share of those that are mistyped. */
  idNumbers: { records: number; mistyped: number; mistypedShare: number };
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export class GeneratorStats {
  private records = 0;
  private persons = 0;
  private organizations = 0;
  private readonly byChannel: Record<string, number> = {};
  private readonly entityCases: Record<string, { kind: 'person' | 'organization'; n: number }> = {};
  private readonly recordCases: Record<string, number> = {};
  private withId = 0;
  private mistyped = 0;

  countEntity(kind: 'person' | 'organization', hardCases: readonly string[]): void {
    if (kind === 'person') this.persons += 1;
    else this.organizations += 1;
    for (const hardCase of hardCases) {
      const entry = (this.entityCases[hardCase] ??= { kind, n: 0 });
      entry.n += 1;
    }
  }

  countRecord(generated: GeneratedRecord): void {
    this.records += 1;
    increment(this.byChannel, generated.record.source);
    for (const hardCase of generated.recordHardCases) increment(this.recordCases, hardCase);
    if (generated.idValidity !== undefined) this.withId += 1;
    if (generated.idValidity === 'mistyped') this.mistyped += 1;
  }

  summary(): StatsSummary {
    const share = (n: number, of: number): number => (of === 0 ? 0 : Number((n / of).toFixed(4)));
    const entityHardCases: StatsSummary['entityHardCases'] = {};
    for (const [name, { kind, n }] of Object.entries(this.entityCases)) {
      const of = kind === 'person' ? this.persons : this.organizations;
      entityHardCases[name] = { entities: n, share: share(n, of) };
    }
    const recordHardCases: StatsSummary['recordHardCases'] = {};
    for (const [name, n] of Object.entries(this.recordCases)) {
      recordHardCases[name] = { records: n, share: share(n, this.records) };
    }
    const entities = this.persons + this.organizations;
    return {
      records: this.records,
      entities: { persons: this.persons, organizations: this.organizations },
      recordsPerEntity: share(this.records, entities),
      recordsByChannel: { ...this.byChannel },
      entityHardCases,
      recordHardCases,
      idNumbers: {
        records: this.withId,
        mistyped: this.mistyped,
        mistypedShare: share(this.mistyped, this.withId),
      },
    };
  }
}
