/**
 * Country names and codes as channels write them → ISO 3166 alpha-2. Only the countries customers
 * actually come from are listed; any other two-letter code is trusted as already being ISO.
 */
import { foldLatin, normalizeText } from './text';

const COUNTRIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    CN: [
      'cn',
      'chn',
      'china',
      'prc',
      "people's republic of china",
      '中国',
      '中华人民共和国',
      '中国大陆',
    ],
    HK: ['hk', 'hkg', 'hong kong', 'hongkong', '香港', '中国香港'],
    MO: ['mo', 'mac', 'macau', 'macao', '澳门', '中国澳门'],
    TW: ['tw', 'twn', 'taiwan', '台湾', '中国台湾'],
    AU: ['au', 'aus', 'australia', '澳大利亚'],
    US: ['us', 'usa', 'united states', 'united states of america', '美国'],
    GB: ['gb', 'gbr', 'uk', 'united kingdom', 'great britain', 'england', '英国'],
    SG: ['sg', 'sgp', 'singapore', '新加坡'],
    JP: ['jp', 'jpn', 'japan', '日本'],
    DE: ['de', 'deu', 'germany', 'deutschland', '德国'],
  }).flatMap(([code, names]) => names.map((name): [string, string] => [name, code])),
);

/** Undefined for an empty or unknown country. */
export function canonicalCountry(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const key = foldLatin(normalizeText(value)).replace(/\./gu, '').trim();
  const known = COUNTRIES.get(key);
  if (known) return known;
  return /^[a-z]{2}$/u.test(key) ? key.toUpperCase() : undefined;
}
