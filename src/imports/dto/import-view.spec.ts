import { progressRate } from './import-view';

describe('progressRate', () => {
  const started = new Date('2025-01-01T00:00:00Z');
  const at = (seconds: number): Date => new Date(started.getTime() + seconds * 1000);

  it('is unknown before any row is processed', () => {
    expect(
      progressRate(
        {
          state: 'running',
          rowsTotal: 100,
          processed: 0,
          firstStartedAt: null,
          lastFinishedAt: null,
        },
        at(5),
      ),
    ).toEqual({ rate: null, eta: null });
  });

  it('measures a running import up to now and estimates the rest', () => {
    expect(
      progressRate(
        {
          state: 'running',
          rowsTotal: 3000,
          processed: 1000,
          firstStartedAt: started,
          lastFinishedAt: at(8),
        },
        at(10),
      ),
    ).toEqual({ rate: 100, eta: 20 });
  });

  it('has no time left while the total is still being counted', () => {
    expect(
      progressRate(
        {
          state: 'running',
          rowsTotal: null,
          processed: 500,
          firstStartedAt: started,
          lastFinishedAt: at(4),
        },
        at(5),
      ),
    ).toEqual({ rate: 100, eta: null });
  });

  it('measures a finished import up to its last chunk', () => {
    expect(
      progressRate(
        {
          state: 'completed',
          rowsTotal: 1000,
          processed: 1000,
          firstStartedAt: started,
          lastFinishedAt: at(4),
        },
        at(60),
      ),
    ).toEqual({ rate: 250, eta: null });
  });
});
