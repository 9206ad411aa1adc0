/**
 * The intermediate result of parsing one person name, before it becomes a NormalizedPersonName.
 */
import type { Gender } from './normalized-record';

export interface NameParts {
  family?: string;
  given?: string;
  familyPinyin?: string;
  givenPinyin?: string;
  /** Every pinyin / Latin syllable of the name, in reading order (the pinyin key sorts them). */
  syllables: string[];
  surnameOnly: boolean;
  /** Implied by an honorific (先生, 女士, Mrs); the record's own gender field wins over it. */
  gender?: Gender;
}
