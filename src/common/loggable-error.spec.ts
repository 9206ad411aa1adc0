import { loggableError } from './loggable-error';
import { sqlStateOf } from './sql-state';

describe('loggableError', () => {
  it('keeps an application error as it is', () => {
    const logged = loggableError(new Error('chunk file missing'));
    expect(logged).toMatchObject({ name: 'Error', message: 'chunk file missing', code: '' });
  });

  it('keeps only the SQLSTATE, constraint and table of a database error', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (source, source_id)=(crm, 13800138000) already exists.',
      constraint: 'uq_source_records_source_key',
      table: 'source_records',
    });
    const logged = loggableError(error);
    expect(logged).toMatchObject({
      message: 'database error 23505',
      code: '23505',
      constraint: 'uq_source_records_source_key',
      table: 'source_records',
    });
    expect(JSON.stringify(logged)).not.toContain('13800138000');
    expect(JSON.stringify(logged)).not.toContain('duplicate key');
  });

  it('drops the query and parameters TypeORM attaches to a failed query', () => {
    const error = Object.assign(new Error('invalid input syntax for type bigint: "张伟"'), {
      name: 'QueryFailedError',
      query: "SELECT '张伟'::bigint",
      parameters: ['张伟'],
      driverError: { code: '22P02', table: undefined },
    });
    expect(JSON.stringify(loggableError(error))).not.toContain('张伟');
    expect(sqlStateOf(error)).toBe('22P02');
  });

  it('says nothing about values that are not errors', () => {
    expect(loggableError({ phone: '13800138000' })).toEqual({
      name: 'Error',
      message: 'non-Error thrown',
      code: '',
    });
  });
});
