/**
 * The synthetic multi-channel generator: entities (the truth) are drawn group by group, each is
 * recorded by 1..k channels, and records are shuffled within chunks of entities so that one
 * customer's records arrive apart, as they would from independent systems. Deterministic for a
 * seed: every random choice comes from one seeded stream in a fixed order.
 */
import { CHANNELS, ORG_CHANNEL_WEIGHTS, PERSON_CHANNEL_WEIGHTS, type Channel } from './channels';
import { EmailRegistry } from './emails';
import { CHANNEL_COUNT_WEIGHTS, CHANNEL_DUPLICATE_RATE } from './hard-cases';
import { IdentifierRegistry } from './identifiers';
import { ORG_HABITS } from './org-habits';
import { renderOrganization } from './org-records';
import { OrgFactory, type Organization } from './orgs';
import { renderPerson } from './person-records';
import { PERSON_HABITS } from './person-habits';
import { PersonFactory, type Person, type Registries } from './persons';
import { PhoneRegistry } from './phones';
import { Rng } from './prng';
import type { GeneratedRecord, RenderContext } from './record-draft';
import type { ReferenceData } from './reference-data';
import type { GeneratorStats } from './stats';

export interface GeneratorOptions {
  persons: number;
  orgs: number;
  seed: number;
}

/** Entities per shuffled chunk: records of one customer are spread over about this window. */
export const CHUNK_ENTITIES = 2000;

type Entity = { kind: 'person'; person: Person } | { kind: 'organization'; org: Organization };

export function* generateRecords(
  options: GeneratorOptions,
  ref: ReferenceData,
  stats?: GeneratorStats,
): Generator<GeneratedRecord> {
  const rng = new Rng(options.seed);
  const registries: Registries = {
    ids: new IdentifierRegistry(),
    phones: new PhoneRegistry(),
    emails: new EmailRegistry(),
  };
  const personFactory = new PersonFactory(rng, ref, registries);
  const orgFactory = new OrgFactory(rng, ref, registries);
  const sourceIds = new SourceIds();
  const chunks = Math.max(1, Math.ceil((options.persons + options.orgs) / CHUNK_ENTITIES));
  let persons = 0;
  let orgs = 0;
  for (let chunk = 1; chunk <= chunks; chunk++) {
    const entities: Entity[] = [];
    // Groups are never cut at a chunk boundary, only at the requested total.
    while (persons < Math.round((options.persons * chunk) / chunks)) {
      for (const person of personFactory.nextGroup(options.persons - persons)) {
        entities.push({ kind: 'person', person });
        persons += 1;
      }
    }
    while (orgs < Math.round((options.orgs * chunk) / chunks)) {
      for (const org of orgFactory.nextGroup(options.orgs - orgs)) {
        entities.push({ kind: 'organization', org });
        orgs += 1;
      }
    }
    const batch: GeneratedRecord[] = [];
    for (const entity of entities) {
      const hardCases = entity.kind === 'person' ? entity.person.hardCases : entity.org.hardCases;
      stats?.countEntity(entity.kind, hardCases);
      const seen = new Set<Channel>();
      for (const channel of pickChannels(rng, entity.kind)) {
        const sourceId = sourceIds.next(channel, entity.kind);
        const generated = render({ rng, ref, channel, sourceId }, entity);
        if (seen.has(channel)) generated.recordHardCases.push('channel_duplicate');
        seen.add(channel);
        batch.push(generated);
      }
    }
    rng.shuffle(batch);
    for (const generated of batch) {
      stats?.countRecord(generated);
      yield generated;
    }
  }
}

function render(ctx: RenderContext, entity: Entity): GeneratedRecord {
  return entity.kind === 'person'
    ? renderPerson(ctx, entity.person)
    : renderOrganization(ctx, entity.org);
}

/** k distinct channels drawn by weight, and sometimes a second account in one of them. */
function pickChannels(rng: Rng, kind: Entity['kind']): Channel[] {
  const weights = kind === 'person' ? PERSON_CHANNEL_WEIGHTS : ORG_CHANNEL_WEIGHTS;
  const remaining: Partial<Record<Channel, number>> = {};
  for (const channel of CHANNELS) if (weights[channel] > 0) remaining[channel] = weights[channel];
  const k = Number(rng.weighted(CHANNEL_COUNT_WEIGHTS));
  const picked: Channel[] = [];
  while (picked.length < k && Object.keys(remaining).length > 0) {
    const channel = rng.weighted(remaining);
    delete remaining[channel];
    picked.push(channel);
  }
  if (rng.chance(CHANNEL_DUPLICATE_RATE)) picked.push(rng.pick(picked));
  return picked;
}

/** Per channel and kind, the channel's own style of record number: CRM00000042, KB00000007. */
class SourceIds {
  private readonly counters = new Map<string, number>();

  next(channel: Channel, kind: Entity['kind']): string {
    const habits = kind === 'person' ? PERSON_HABITS[channel] : ORG_HABITS[channel];
    const n = (this.counters.get(habits.sourceIdPrefix) ?? 0) + 1;
    this.counters.set(habits.sourceIdPrefix, n);
    return `${habits.sourceIdPrefix}${String(n).padStart(8, '0')}`;
  }
}
