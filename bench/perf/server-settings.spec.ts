import { describeServerSettings } from './server-settings';

describe('server settings line', () => {
  const stock = {
    shared_buffers: '128MB',
    max_wal_size: '1GB',
    checkpoint_timeout: '5min',
    autovacuum: 'on',
  };

  it('lists every setting a figure depends on', () => {
    expect(describeServerSettings(stock)).toBe(
      'shared_buffers 128MB, max_wal_size 1GB, checkpoint_timeout 5min, autovacuum on',
    );
  });

  it('says who analyzes the tables when autovacuum is off', () => {
    expect(describeServerSettings({ ...stock, autovacuum: 'off' })).toMatch(
      /autovacuum off \(the service ran ANALYZE itself every STATISTICS_INTERVAL_SECONDS\)$/,
    );
  });
});
