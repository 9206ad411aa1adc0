import type { CustomerRecordInput } from '../../src/normalize/customer-record';
import { DatasetBuilder } from './labelled-dataset';
import { resolveDataset } from './resolve-dataset';
import type { QualityResolver } from './resolver-factory';

function dataset(): ReturnType<DatasetBuilder['build']> {
  const builder = new DatasetBuilder('tiny');
  const person = (sourceId: string, familyName: string): CustomerRecordInput => ({
    source: 's',
    sourceId,
    kind: 'person',
    familyName,
  });
  builder.add(person('1', 'wang'), 'A');
  builder.add(person('2', 'wang'), 'A');
  builder.add(person('3', 'li'), 'B');
  builder.add(person('4', 'bad'), 'C');
  return builder.build();
}

/** Resolves by family name; "li" is merged into "wang" later; "bad" is refused. */
function fakeResolver(withMerges: boolean): QualityResolver & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    engine: { version: 'test', configHash: '0' },
    resolve: (input) => {
      seen.push(input.sourceId);
      if (input.familyName === 'bad') return Promise.reject(new Error('VALIDATION_FAILED'));
      return Promise.resolve({ customerNumber: `N-${input.familyName}`, decision: 'created' });
    },
    reviewCount: () => Promise.resolve(0),
    currentCustomerNumbers: withMerges
      ? () => Promise.resolve(new Map([['N-li', 'N-wang']]))
      : undefined,
    close: () => Promise.resolve(),
  };
}

describe('resolveDataset', () => {
  it('resolves records in file order and keeps refused records apart, counted', async () => {
    const resolver = fakeResolver(false);
    const run = await resolveDataset(dataset(), resolver, false);
    expect(resolver.seen).toEqual(['1', '2', '3', '4']);
    expect(Object.fromEntries(run.predicted)).toEqual({
      's/1': 'N-wang',
      's/2': 'N-wang',
      's/3': 'N-li',
      's/4': 'error:s/4',
    });
    expect(run.errors).toBe(1);
    expect(run.errorSamples[0]).toContain('VALIDATION_FAILED');
    expect(run.decisions).toEqual({ created: 3 });
  });

  it('scores the survivor when a later record merged two customers', async () => {
    const run = await resolveDataset(dataset(), fakeResolver(true), false);
    expect(run.predicted.get('s/3')).toBe('N-wang');
  });
});
