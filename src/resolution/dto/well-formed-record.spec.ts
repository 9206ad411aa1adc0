import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import fc from 'fast-check';
import { RECORD_FIELDS } from '../../imports/rows/column-mapping';
import { ResolveRequestDto, toRecordInput } from './resolve-request.dto';
import { wellFormedResolveRequest } from './well-formed-record';

/** What class-validator makes of a body: the record it would accept, or undefined. */
async function validatorVerdict(body: object): Promise<unknown> {
  const dto = plainToInstance(ResolveRequestDto, body);
  const problems = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  return problems.length === 0 ? toRecordInput(dto) : undefined;
}

/**
 * class-transformer drops nested keys named like Object.prototype's members (`toString`) and
 * throws on `constructor`; the check keeps the first verbatim and leaves `__proto__`, `prototype`
 * and `constructor` to the other path, which strips them (tests below), so the comparison with
 * class-validator's record leaves such keys out.
 */
function hasPrototypeKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(
    ([key, item]) => key in Object.prototype || key === 'prototype' || hasPrototypeKey(item),
  );
}
const attributes = fc
  .dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }))
  .filter((value) => !hasPrototypeKey(value));

/** Text that straddles the limits and holds what class-validator counts specially. */
const awkwardText = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({
    unit: fc.constantFrom('a', '张', '😀', '\uFE0F', '\uFE0E', '\uD800', ' '),
    maxLength: 12,
  }),
  ...[19, 20, 21, 39, 40, 41, 63, 64, 65, 99, 100, 101, 199, 200, 201, 253, 254, 255, 256, 257].map(
    (n) => fc.constant('x'.repeat(n)),
  ),
  fc.constant('x'.repeat(499)),
  fc.constant('x'.repeat(501)),
  fc.constant('😀'.repeat(130)),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  awkwardText,
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.array(awkwardText, { maxLength: 12 }),
  fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 2 }),
  fc.dictionary(
    fc.constantFrom('line1', 'city', 'province', 'postcode', 'street', 'tier'),
    fc.oneof(awkwardText, fc.integer(), fc.constant(null)),
  ),
  attributes,
);

const FIELDS = ['source', ...RECORD_FIELDS];

const text = (max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom('a', '7', '张', '偉', '-', ' ', '😀'), maxLength: max });
const nonEmpty = (max: number): fc.Arbitrary<string> =>
  text(max - 1).map((s) => `C${s}`.slice(0, max));

/** Bodies valid by the DTO, as channels send them. */
const validBody = fc.record(
  {
    source: nonEmpty(64),
    sourceId: nonEmpty(256),
    kind: fc.constantFrom('person', 'organization'),
    name: text(200),
    phones: fc.array(text(40), { maxLength: 10 }),
    email: text(254),
    idNumber: text(64),
    birthDate: text(40),
    address: fc.oneof(
      text(500),
      fc.record({ line1: text(200), city: text(100), postcode: text(20) }, { requiredKeys: [] }),
    ),
    attributes,
  },
  { requiredKeys: ['source', 'sourceId', 'kind'] },
);

/** A valid body with a field or two replaced by anything, or an unknown one added. */
const body = fc
  .tuple(
    validBody,
    fc.array(
      fc.tuple(
        fc.constantFrom(...FIELDS, 'unknownField'),
        fc.oneof(fc.constantFrom('person', 'organization', 'Person', ''), anyValue),
      ),
      { maxLength: 2 },
    ),
  )
  .map(([valid, changes]) => ({ ...valid, ...Object.fromEntries(changes) }));

describe('wellFormedResolveRequest', () => {
  it('accepts only what class-validator accepts, and gives the same record', async () => {
    let acceptedCount = 0;
    await fc.assert(
      fc.asyncProperty(body, async (candidate) => {
        const accepted = wellFormedResolveRequest(structuredClone(candidate));
        if (accepted === undefined) return;
        acceptedCount += 1;
        expect(accepted).toBeInstanceOf(ResolveRequestDto);
        expect(toRecordInput(accepted)).toEqual(await validatorVerdict(structuredClone(candidate)));
      }),
      { numRuns: 3000 },
    );
    // The property says something only if the check accepted a fair share of the bodies.
    expect(acceptedCount).toBeGreaterThan(150);
  });

  it('accepts the valid records channels send, so that they skip class-validator', async () => {
    await fc.assert(
      fc.asyncProperty(validBody, async (candidate) => {
        const accepted = wellFormedResolveRequest(structuredClone(candidate));
        expect(accepted).toBeDefined();
        expect(toRecordInput(accepted as ResolveRequestDto)).toEqual(
          await validatorVerdict(structuredClone(candidate)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps attributes verbatim, keys named like Object.prototype members too', () => {
    const verbatim = { toString: 1, tier: { valueOf: 0, levels: [1, { hasOwnProperty: null }] } };
    const accepted = wellFormedResolveRequest({
      source: 'crm',
      sourceId: 'C1',
      kind: 'person',
      attributes: structuredClone(verbatim),
    });
    expect(toRecordInput(accepted as ResolveRequestDto).attributes).toEqual(verbatim);
  });

  it.each([
    ['a missing kind', { source: 'crm', sourceId: 'C1' }],
    ['an unknown kind', { source: 'crm', sourceId: 'C1', kind: 'robot' }],
    ['an unknown field', { source: 'crm', sourceId: 'C1', kind: 'person', nickname: 'x' }],
    ['a null field', { source: 'crm', sourceId: 'C1', kind: 'person', name: null }],
    ['a number for a name', { source: 'crm', sourceId: 'C1', kind: 'person', name: 7 }],
    ['an empty source', { source: '', sourceId: 'C1', kind: 'person' }],
    ['a variation selector as source', { source: '\uFE0F', sourceId: 'C1', kind: 'person' }],
    [
      'eleven phones',
      { source: 'crm', sourceId: 'C1', kind: 'person', phones: Array(11).fill('1') },
    ],
    [
      'an unknown address part',
      { source: 'c', sourceId: 'C1', kind: 'person', address: { street: 'x' } },
    ],
    ['attributes as an array', { source: 'c', sourceId: 'C1', kind: 'person', attributes: [] }],
    [
      'a constructor key deep in the attributes',
      { source: 'c', sourceId: 'C1', kind: 'person', attributes: { a: [{ constructor: 1 }] } },
    ],
    [
      'a __proto__ key in the attributes',
      { source: 'c', sourceId: 'C1', kind: 'person', attributes: JSON.parse('{"__proto__":{}}') },
    ],
    ['an array body', [{ source: 'c', sourceId: 'C1', kind: 'person' }]],
  ])('leaves %s to class-validator', (_case, candidate) => {
    expect(wellFormedResolveRequest(candidate)).toBeUndefined();
  });
});
