import { decide } from './decide';

const thresholds = { upper: 22, lower: 14 };
const c = (customerId: string, score: number) => ({ customerId, score });

describe('decide', () => {
  it.each([
    ['no candidates', [], { decision: 'create' }],
    ['only weak candidates', [c('A', 3), c('B', 13.9)], { decision: 'create' }],
    [
      'a candidate between the thresholds',
      [c('A', 14), c('B', 2)],
      { decision: 'review', best: c('A', 14) },
    ],
    [
      'a candidate at the upper threshold',
      [c('B', 5), c('A', 22)],
      { decision: 'link', best: c('A', 22) },
    ],
    [
      'two candidates above the upper threshold',
      [c('A', 30), c('B', 40)],
      { decision: 'link', best: c('B', 40), mergeProposal: ['B', 'A'] },
    ],
    [
      'one strong, one for review',
      [c('A', 30), c('B', 20)],
      { decision: 'link', best: c('A', 30) },
    ],
    [
      'equal scores (deterministic by customer id)',
      [c('B', 30), c('A', 30)],
      { decision: 'link', best: c('A', 30), mergeProposal: ['A', 'B'] },
    ],
  ])('%s', (_, candidates, expected) => {
    expect(decide(candidates, thresholds)).toEqual(expected);
  });

  it('does not depend on candidate order', () => {
    const candidates = [c('A', 25), c('B', 31), c('C', 25), c('D', 10)];
    expect(decide([...candidates].reverse(), thresholds)).toEqual(decide(candidates, thresholds));
  });

  it('works with numeric customer ids', () => {
    expect(decide([{ customerId: 7, score: 30 }], thresholds).best?.customerId).toBe(7);
  });
});
