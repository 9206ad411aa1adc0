import { checkHeader, parseMappingSpecs, targetFor } from './column-mapping';

describe('parseMappingSpecs', () => {
  it('reads header=field pairs, including address parts, attributes and ignored columns', () => {
    expect(
      parseMappingSpecs([
        'given_name=givenName',
        '城市=address.city',
        'tier=attributes.tier',
        'x=-',
      ]),
    ).toEqual({
      mapping: { given_name: 'givenName', 城市: 'address.city', tier: 'attributes.tier', x: '-' },
      errors: [],
    });
  });

  it.each([
    ['no equals sign', 'givenName', 'INVALID_MAPPING'],
    ['empty header', '=givenName', 'INVALID_MAPPING'],
    ['unknown target', 'a=nickname', 'UNKNOWN_FIELD'],
    ['unknown address part', 'a=address.planet', 'UNKNOWN_FIELD'],
  ])('rejects %s', (_name, spec, code) => {
    expect(parseMappingSpecs([spec]).errors).toEqual([
      expect.objectContaining({ field: 'map[0]', code }),
    ]);
  });

  it('rejects a header mapped twice', () => {
    expect(parseMappingSpecs(['a=name', 'a=phone']).errors).toEqual([
      expect.objectContaining({ field: 'map[1]', code: 'DUPLICATE_MAPPING' }),
    ]);
  });
});

describe('targetFor', () => {
  it.each([
    ['source_id', {}, { kind: 'field', field: 'sourceId' }],
    ['Given Name', {}, { kind: 'field', field: 'givenName' }],
    ['address_city', {}, { kind: 'address', part: 'city' }],
    ['mobile', { mobile: 'phones' }, { kind: 'field', field: 'phones' }],
    ['name', { name: '-' }, { kind: 'ignore' }],
    ['entityId', {}, { kind: 'ignore' }],
  ])('%s with %j', (header, mapping, target) => {
    expect(targetFor(header, mapping)).toEqual(target);
  });
});

describe('checkHeader', () => {
  it('accepts a header that feeds sourceId and kind, several columns into phones', () => {
    expect(
      checkHeader(['id', 'kind', 'mobile', 'tel'], {
        id: 'sourceId',
        mobile: 'phones',
        tel: 'phones',
      }),
    ).toEqual([]);
  });

  it('lists every problem', () => {
    expect(checkHeader(['name', 'name', 'full'], { full: 'name', missing: 'phone' })).toEqual([
      'column "name" appears twice',
      'mapped column "missing" is not in the header',
      '3 columns map to name',
      'no column maps to sourceId',
      'no column maps to kind',
    ]);
  });
});
