import fc from 'fast-check';
import type { CustomerRecordInput } from './customer-record';
import { normalizeRecord } from './normalize-record';

const TODAY = new Date('2025-06-01T00:00:00Z');

function person(fields: Partial<CustomerRecordInput>): CustomerRecordInput {
  return { source: 'crm', sourceId: '1', kind: 'person', ...fields };
}

describe('normalizeRecord: a Chinese person', () => {
  const { record, issues } = normalizeRecord(
    person({
      name: '張偉',
      phones: ['+86 138-1234-5678', '13812345678', '(010) 8888 6666 转 123'],
      emails: [' Zhang.Wei@Example.com '],
      idNumber: '11010519491231002X',
      idType: '身份证',
      address: '北京朝阳区建国路88号SOHO现代城5号楼1201室',
    }),
    TODAY,
  );

  it('normalises every field', () => {
    expect(record).toMatchObject({
      kind: 'person',
      personName: { display: '张伟', family: '张', given: '伟', pinyinKey: 'weizhang' },
      phones: [
        { e164: '+8613812345678', type: 'mobile', valid: true },
        { e164: '+861088886666', type: 'fixed', valid: true },
      ],
      emails: ['zhang.wei@example.com'],
      id: { type: 'cn_resident', valid: true },
      address: { districtCode: '110105', street: '建国路', number: '88' },
    });
    expect(issues).toEqual([]);
  });

  it('fills birth date and gender from the resident ID', () => {
    expect(record.birthDate).toBe('1949-12-31');
    expect(record.gender).toBe('F');
  });
});

describe('normalizeRecord: a FEBRL person', () => {
  it('keeps the Western fields', () => {
    const { record, issues } = normalizeRecord(
      person({
        givenName: ' mitchell',
        familyName: ' green',
        birthDate: '19550103',
        idNumber: ' 6988048',
        address: {
          line1: '7 wallaby place',
          line2: 'delmar',
          city: 'cleveland',
          postcode: '2119',
          province: 'sa',
        },
      }),
      TODAY,
    );
    expect(record).toMatchObject({
      personName: { family: 'green', given: 'mitchell', pinyinKey: 'greenmitchell' },
      birthDate: '1955-01-03',
      id: { type: 'other', value: '6988048', valid: true },
      address: { number: '7', street: 'wallaby place', city: 'cleveland', postcode: '2119' },
    });
    expect(record).not.toHaveProperty('gender');
    expect(issues).toEqual([]);
  });
});

describe('normalizeRecord: an organisation', () => {
  it('uses the name as the organisation name', () => {
    const { record } = normalizeRecord(
      {
        source: 'erp',
        sourceId: '9',
        kind: 'organization',
        name: '华为技术（北京）有限公司',
        idNumber: '91350100M000100Y43',
      },
      TODAY,
    );
    expect(record.orgName).toMatchObject({
      core: '华为技术',
      region: '北京',
      legalForm: '有限公司',
    });
    expect(record).not.toHaveProperty('personName');
    expect(record.id).toMatchObject({ type: 'cn_uscc', valid: true });
  });
});

describe('normalizeRecord: issues', () => {
  it.each<
    [
      string,
      Partial<CustomerRecordInput> & Record<string, unknown>,
      { field: string; code: string }[],
    ]
  >([
    [
      'unparseable phone',
      { phones: ['13812345678', 'abc'] },
      [{ field: 'phones[1]', code: 'INVALID_PHONE' }],
    ],
    [
      'placeholder phone',
      { phones: ['13800000000'] },
      [{ field: 'phones[0]', code: 'PLACEHOLDER_PHONE' }],
    ],
    ['single phone field', { phone: '12345' }, [{ field: 'phone', code: 'INVALID_PHONE' }]],
    [
      'invalid e-mail',
      { emails: ['a@b.com', 'nope'] },
      [{ field: 'emails[1]', code: 'INVALID_EMAIL' }],
    ],
    ['single e-mail field', { email: 'nope' }, [{ field: 'email', code: 'INVALID_EMAIL' }]],
    [
      'ID checksum',
      { idNumber: '110105194912310021' },
      [{ field: 'idNumber', code: 'ID_CHECKSUM_MISMATCH' }],
    ],
    [
      'impossible date',
      { birthDate: '1985-02-30' },
      [{ field: 'birthDate', code: 'INVALID_DATE' }],
    ],
    ['future date', { birthDate: '2030-01-01' }, [{ field: 'birthDate', code: 'INVALID_DATE' }]],
    ['unknown gender value', { gender: 'maybe' }, [{ field: 'gender', code: 'INVALID_GENDER' }]],
    ['name without letters', { name: '???' }, [{ field: 'name', code: 'INVALID_NAME' }]],
    [
      'birth date and gender disagreeing with the ID',
      { idNumber: '11010519491231002X', birthDate: '1950-01-01', gender: '男' },
      [
        { field: 'birthDate', code: 'BIRTH_DATE_ID_MISMATCH' },
        { field: 'gender', code: 'GENDER_ID_MISMATCH' },
      ],
    ],
  ])('reports %s', (_, fields, expected) => {
    const { issues } = normalizeRecord(person(fields), TODAY);
    expect(issues.map(({ field, code }) => ({ field, code }))).toEqual(expected);
  });

  it('keeps an ID with a failed checksum but does not take its birth date', () => {
    const { record } = normalizeRecord(person({ idNumber: '110105194912310021' }), TODAY);
    expect(record.id).toMatchObject({ value: '110105194912310021', valid: false });
    expect(record).not.toHaveProperty('birthDate');
  });

  it('never puts the value into the message', () => {
    const values = {
      phones: ['999-SECRET-1'],
      emails: ['secret@@x'],
      idNumber: '110105194912310021',
      birthDate: '1985-02-30',
    };
    const { issues } = normalizeRecord(person(values), TODAY);
    expect(issues).toHaveLength(4);
    for (const issue of issues) {
      for (const value of ['SECRET', 'secret', '110105194912310021', '1985-02-30']) {
        expect(issue.message).not.toContain(value);
      }
    }
  });
});

describe('normalizeRecord: merging and defensive input', () => {
  it('merges phone into phones and removes duplicates', () => {
    const input = { ...person({ phones: ['13812345678'] }), phone: '+86 138 1234 5678' };
    expect(normalizeRecord(input, TODAY).record.phones).toHaveLength(1);
  });

  it('splits several numbers written into one field', () => {
    const { record } = normalizeRecord(person({ phones: ['13812345678 / 13912345678'] }), TODAY);
    expect(record.phones.map((p) => p.e164)).toEqual(['+8613812345678', '+8613912345678']);
  });

  it('accepts numbers and nulls where text is expected', () => {
    const input = {
      ...person({}),
      idNumber: 6988048,
      phones: [null, 13812345678],
      birthDate: null,
    } as unknown as CustomerRecordInput;
    const { record } = normalizeRecord(input, TODAY);
    expect(record.id?.value).toBe('6988048');
    expect(record.phones).toHaveLength(1);
  });

  it('takes the gender from an honorific when nothing else gives it', () => {
    expect(normalizeRecord(person({ name: '王先生' }), TODAY).record.gender).toBe('M');
  });

  it('never throws on arbitrary values', () => {
    const anyValue = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string()),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'name',
            'givenName',
            'familyName',
            'phones',
            'emails',
            'idNumber',
            'idType',
            'birthDate',
            'gender',
            'address',
            'phone',
            'email',
          ),
          anyValue,
        ),
        fc.constantFrom('person', 'organization'),
        (fields, kind) => {
          // Deliberately loose: imports hand over whatever the file contained.
          normalizeRecord({ source: 's', sourceId: '1', kind, ...fields }, TODAY);
        },
      ),
    );
  });
});
