import { DomainError } from '../common/domain-error';
import { validateImportRequest } from './import-request';

describe('validateImportRequest', () => {
  it.each([
    [{ fileName: 'crm.csv' }, 'csv'],
    [{ fileName: 'shop.JSONL' }, 'ndjson'],
    [{ fileName: 'export', mimeType: 'application/x-ndjson' }, 'ndjson'],
    [{ fileName: 'export.csv', format: 'ndjson' }, 'ndjson'],
  ])('tells the format of %j', (request, format) => {
    expect(validateImportRequest({ source: 'crm', maps: [], ...request }).format).toBe(format);
  });

  it('collects every invalid field', () => {
    let error: unknown;
    try {
      validateImportRequest({ source: '', maps: ['oops'], fileName: 'data.bin' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors.map((e) => e.field)).toEqual([
      'source',
      'format',
      'map[0]',
    ]);
  });
});
