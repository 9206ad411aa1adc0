/** The synthetic Chinese multi-channel data, generated in memory with fixed seeds. */
import { generateRecords, type GeneratorOptions } from '../../gen/generator';
import { loadReferenceData } from '../../gen/reference-data';
import { DatasetBuilder, type LabelledDataset } from '../labelled-dataset';

/** Fixed so that results stay comparable from run to run: about 58,000 records. */
export const SYNTHETIC_OPTIONS: GeneratorOptions = { persons: 20000, orgs: 5000, seed: 20240601 };

export function loadSynthetic(
  dir: string,
  options: GeneratorOptions = SYNTHETIC_OPTIONS,
): LabelledDataset {
  const builder = new DatasetBuilder('synthetic');
  for (const generated of generateRecords(options, loadReferenceData(dir))) {
    builder.add(generated.record, generated.entityId);
  }
  return builder.build();
}
