/**
 * Identifiers of synthetic customers: resident IDs and unified social credit codes with valid
 * check characters, kept unique per run, and the typing mistakes channels make with them.
 */
import {
  USCC_CHARSET,
  isValidResidentId,
  isValidUscc,
  orgCodeCheckChar,
  residentIdCheckChar,
  usccCheckChar,
} from './checksums';
import type { Rng } from './prng';

export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

export type Gender = 'M' | 'F';

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function compactDate(date: BirthDate): string {
  return `${date.year}${pad(date.month, 2)}${pad(date.day, 2)}`;
}

/** Issues resident IDs and USCCs that are valid and unique within one generator run. */
export class IdentifierRegistry {
  private readonly issued = new Set<string>();

  /** GB 11643: area code, birth date, sequence (odd for men, even for women), check character. */
  residentId(rng: Rng, areaCode: string, birth: BirthDate, gender: Gender): string {
    for (;;) {
      let sequence = rng.range(1, 999);
      if ((sequence % 2 === 1) !== (gender === 'M'))
        sequence = sequence === 999 ? 998 : sequence + 1;
      const body = `${areaCode}${compactDate(birth)}${pad(sequence, 3)}`;
      const id = body + residentIdCheckChar(body);
      if (this.claim(id)) return id;
    }
  }

  /**
   * GB 32100: registering authority 9 (market regulation), type 1 (enterprise), the 6-digit
   * division code, a GB 11714 organisation code of the new "MA" series, check character.
   */
  uscc(rng: Rng, areaCode: string): string {
    for (;;) {
      let body8 = 'MA';
      for (let i = 0; i < 6; i++) body8 += rng.pick(USCC_BODY_CHARS);
      const body17 = `91${areaCode}${body8}${orgCodeCheckChar(body8)}`;
      const code = body17 + usccCheckChar(body17);
      if (this.claim(code)) return code;
    }
  }

  private claim(value: string): boolean {
    if (this.issued.has(value)) return false;
    this.issued.add(value);
    return true;
  }
}

const USCC_BODY_CHARS = [...USCC_CHARSET];

/** One mistyped character or two swapped neighbours, re-drawn until the checksum fails. */
export function mistypeResidentId(rng: Rng, id: string): string {
  return mistype(rng, id, '0123456789', (candidate) => !isValidResidentId(candidate));
}

export function mistypeUscc(rng: Rng, code: string): string {
  return mistype(rng, code, USCC_CHARSET, (candidate) => !isValidUscc(candidate));
}

function mistype(
  rng: Rng,
  value: string,
  alphabet: string,
  broken: (s: string) => boolean,
): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const chars = [...value];
    const i = rng.int(chars.length - 1);
    if (rng.chance(0.7)) {
      chars[i] = alphabet[rng.int(alphabet.length)];
    } else {
      const tmp = chars[i];
      chars[i] = chars[i + 1];
      chars[i + 1] = tmp;
    }
    const candidate = chars.join('');
    if (candidate !== value && broken(candidate)) return candidate;
  }
  throw new Error(`could not mistype ${value}`);
}
