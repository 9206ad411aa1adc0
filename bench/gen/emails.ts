/** E-mail addresses, unique per run: pinyin or QQ-number mailboxes, company domains. */
import type { Rng } from './prng';
import { surnamePinyin, textPinyin } from './script';

const PERSONAL_DOMAINS = [
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'gmail.com',
  'foxmail.com',
  'outlook.com',
  'hotmail.com',
];
const DOMAIN_WEIGHTS = [30, 25, 10, 5, 8, 8, 7, 7];

export class EmailRegistry {
  private readonly issued = new Set<string>();

  claim(value: string): boolean {
    if (this.issued.has(value)) return false;
    this.issued.add(value);
    return true;
  }
}

function personalDomain(rng: Rng): string {
  let r = rng.int(DOMAIN_WEIGHTS.reduce((a, b) => a + b, 0));
  for (let i = 0; i < PERSONAL_DOMAINS.length; i++) {
    r -= DOMAIN_WEIGHTS[i];
    if (r < 0) return PERSONAL_DOMAINS[i];
  }
  return PERSONAL_DOMAINS[0];
}

export function personEmail(
  rng: Rng,
  registry: EmailRegistry,
  surname: string,
  given: string,
  birthYear: number,
): string {
  const family = surnamePinyin(surname).join('');
  const givenLatin = textPinyin(given).join('');
  for (let attempt = 0; ; attempt++) {
    const domain = personalDomain(rng);
    let local: string;
    if (domain === 'qq.com' && rng.chance(0.7)) local = String(rng.range(10000, 3999999999));
    else {
      const style = rng.int(4);
      if (style === 0) local = `${family}${givenLatin}`;
      else if (style === 1) local = `${givenLatin}.${family}`;
      else if (style === 2) local = `${family}${givenLatin}${birthYear % 100}`;
      else local = `${family[0]}${givenLatin}${rng.range(1, 9999)}`;
      if (attempt > 0) local += String(rng.range(1, 999));
    }
    const email = `${local}@${domain}`;
    if (registry.claim(email)) return email;
  }
}

const ORG_TLDS = ['com', 'com.cn', 'cn', 'net'];

/** A company's own domain from the pinyin of its trade name: huawei.com, huawei-sz.cn. */
export function orgDomain(
  rng: Rng,
  registry: EmailRegistry,
  tradeName: string,
  cityShort: string,
): string {
  const base = textPinyin(tradeName).join('');
  for (let attempt = 0; ; attempt++) {
    const suffix =
      attempt === 0
        ? ''
        : attempt === 1
          ? `-${textPinyin(cityShort)
              .map((s) => s[0])
              .join('')}`
          : String(rng.range(1, 9999));
    const domain = `${base}${suffix}.${rng.pick(ORG_TLDS)}`;
    if (registry.claim(`@${domain}`)) return domain;
  }
}
