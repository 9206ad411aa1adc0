import { createTestApp, type TestApp } from './helpers/test-app';
import { mobile, residentId, uniqueId, uniqueSeed } from './factories/person.factory';

/**
 * Fifty systems send the same new person at the same moment, each formatted its own way:
 * exactly one customer number must come out, every time.
 */
describe('concurrent resolves of one new person', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const variants = (round: number, seed: number): Record<string, unknown>[] => {
    const phone = mobile(seed);
    // Rounds take disjoint sequence numbers: two rounds sharing an id would be one person.
    const id = residentId('440305', '1991-12-24', round * 100 + (seed % 100));
    const formats = [
      { name: '周杰', phone: `+86 ${phone}` },
      { name: '周傑', phones: [phone] },
      {
        name: 'Zhou Jie',
        phone: `0086-${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
      },
      { name: 'JIE ZHOU', idNumber: id, phone },
      { familyName: '周', givenName: '杰', idNumber: id.toLowerCase(), birthDate: '19911224' },
    ];
    return Array.from({ length: 50 }, (_, i) => ({
      source: `channel${i % 7}`,
      sourceId: uniqueId(`R${i}`),
      kind: 'person',
      birthDate: '1991-12-24',
      idNumber: id,
      ...formats[i % formats.length],
    }));
  };

  it.each([1, 2, 3, 4, 5])('round %i ends with exactly one customer number', async (round) => {
    const records = variants(round, uniqueSeed());
    const responses = await Promise.all(
      records.map((r) => t.http.post('/v1/resolve').set('X-API-Key', t.keys.system).send(r)),
    );
    for (const res of responses) expect(res.status).toBe(200);
    const numbers = new Set(
      responses.map((r) => (r.body as { customerNumber: string }).customerNumber),
    );
    expect(numbers.size).toBe(1);
    expect(responses.filter((r) => r.body.decision === 'created')).toHaveLength(1);
  });
});
