/** Every labelled dataset the quality benchmark knows, by the name used on the command line. */
import type { LabelledDataset } from '../labelled-dataset';
import { loadFake1000 } from './fake-1000';
import { loadFebrl, loadFebrl4 } from './febrl';
import { loadHistorical50k } from './historical-50k';
import { loadSynthetic } from './synthetic';

export const DATASET_NAMES = [
  'febrl1',
  'febrl2',
  'febrl3',
  'febrl4',
  'fake_1000',
  'historical_50k',
  'synthetic',
] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name);
}

/** Loads one dataset from the datasets folder `dir`; throws naming the path of a missing file. */
export function loadDataset(name: DatasetName, dir: string): LabelledDataset {
  switch (name) {
    case 'febrl1':
      return loadFebrl(dir, 1);
    case 'febrl2':
      return loadFebrl(dir, 2);
    case 'febrl3':
      return loadFebrl(dir, 3);
    case 'febrl4':
      return loadFebrl4(dir);
    case 'fake_1000':
      return loadFake1000(dir);
    case 'historical_50k':
      return loadHistorical50k(dir);
    case 'synthetic':
      return loadSynthetic(dir);
  }
}
