/**
 * Street, house number and the remainder (building, unit, room) of one address line, Chinese
 * (深南大道10000号腾讯大厦) or Western ("7 wallaby place").
 */

export interface StreetParts {
  /** Text before the street (a township, park or landmark): kept for the full form only. */
  before?: string;
  street?: string;
  number?: string;
  /** Building, unit, room: what follows street and number. */
  detail?: string;
}

const ROAD_SUFFIX = /大道|大街|胡同|公路|路|街|道|巷|弄/gu;
/** Sticky (y) patterns are matched at a position without slicing: addresses can be long. */
const HOUSE_NUMBER = /([甲乙丙丁]?\d+(?:[-之]\d+)?)(号)?/uy;
/** Hong Kong streets carry a section after the road word: 德辅道中 100号 (Des Voeux Road Central). */
const SECTION_BEFORE_NUMBER = /[东西南北中](?=\d)/uy;

function stickyAt(pattern: RegExp, text: string, at: number): RegExpExecArray | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text) ?? undefined;
}
/** Characters that cannot be inside a street name: they end a district, township, park or number. */
const STREET_BOUNDARY = /[区县镇乡园市省号楼座栋幢室层#\d,;()\s]/u;
const LONGEST_STREET_NAME = 10;
const LEADING_PUNCTUATION = /^[\s,;:、，。-]+/u;

interface StreetCandidate {
  start: number;
  end: number;
  number?: RegExpExecArray;
  score: number;
}

/** Scans back from the road suffix to where the street name begins; 粤海街道 ends a name too. */
function streetStart(text: string, suffixAt: number): number {
  let start = suffixAt;
  while (start > 0 && suffixAt - start < LONGEST_STREET_NAME) {
    const previous = text[start - 1];
    if (STREET_BOUNDARY.test(previous)) break;
    if (previous === '道' && text[start - 2] === '街') break;
    start--;
  }
  return start;
}

/** A road suffix followed by 88号 beats one followed by digits, which beats a bare one. */
function candidateAt(text: string, match: RegExpExecArray): StreetCandidate | undefined {
  const suffixAt = match.index;
  const suffixEnd = suffixAt + match[0].length;
  const end = suffixEnd + (stickyAt(SECTION_BEFORE_NUMBER, text, suffixEnd)?.[0].length ?? 0);
  const number = stickyAt(HOUSE_NUMBER, text, end);
  const isSubdistrict =
    (match[0] === '道' && text[suffixAt - 1] === '街') ||
    (match[0] === '街' && text[suffixEnd] === '道');
  if (isSubdistrict && !number) return undefined; // 粤海街道 is a sub-district, not a street
  const start = streetStart(text, suffixAt);
  if (start === suffixAt) return undefined; // a bare 路 names nothing
  const score = number ? (number[2] ? 3 : 2) : 1;
  return { start, end, number, score };
}

function bestCandidate(text: string): StreetCandidate | undefined {
  let best: StreetCandidate | undefined;
  for (const match of text.matchAll(ROAD_SUFFIX)) {
    const candidate = candidateAt(text, match);
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  }
  return best;
}

function nonEmpty(value: string): string | undefined {
  const trimmed = value.replace(LEADING_PUNCTUATION, '').trim();
  return trimmed || undefined;
}

/** The part of a Chinese address after its divisions: 科技园南区深南大道10000号腾讯大厦. */
export function parseChineseStreet(text: string): StreetParts {
  const candidate = bestCandidate(text);
  if (!candidate) return { detail: nonEmpty(text) };
  const numberLength = candidate.number?.[0].length ?? 0;
  return {
    before: nonEmpty(text.slice(0, candidate.start)),
    street: text.slice(candidate.start, candidate.end),
    number: candidate.number?.[1],
    detail: nonEmpty(text.slice(candidate.end + numberLength)),
  };
}

/** Canonical street types so "wallaby pl" and "wallaby place" agree. */
const STREET_TYPES: ReadonlyMap<string, string> = new Map([
  ['st', 'street'],
  ['rd', 'road'],
  ['ave', 'avenue'],
  ['av', 'avenue'],
  ['pl', 'place'],
  ['cres', 'crescent'],
  ['cr', 'crescent'],
  ['cct', 'circuit'],
  ['dr', 'drive'],
  ['ct', 'court'],
  ['hwy', 'highway'],
  ['pde', 'parade'],
  ['tce', 'terrace'],
  ['ln', 'lane'],
  ['blvd', 'boulevard'],
  ['cl', 'close'],
  ['gr', 'grove'],
  ['sq', 'square'],
  ['esp', 'esplanade'],
  ['pkwy', 'parkway'],
]);

const UNIT_PREFIX = /^((?:unit|flat|apt|apartment|suite|shop|level|lvl)\s+\w+)\s+/u;
const LEADING_NUMBER = /^(\d+[a-z]?(?:[-/]\d+[a-z]?)?)\s+(.+)$/u;
const TRAILING_NUMBER = /^(.+?)\s+(\d+[a-z]?)$/u;

/** Only the last word is a street type: "st james road" keeps its saint. */
export function canonicalStreet(street: string): string {
  const words = street.split(' ');
  const last = STREET_TYPES.get(words[words.length - 1]);
  if (last && words.length > 1) words[words.length - 1] = last;
  return words.join(' ');
}

/** A folded Western line: "unit 5 7 wallaby pl" → detail "unit 5", number "7", street "wallaby place". */
export function parseWesternLine(line: string): StreetParts {
  const unit = UNIT_PREFIX.exec(line);
  const rest = unit ? line.slice(unit[0].length) : line;
  const leading = LEADING_NUMBER.exec(rest);
  const trailing = leading ? undefined : TRAILING_NUMBER.exec(rest);
  const number = leading?.[1] ?? trailing?.[2];
  const street = leading?.[2] ?? trailing?.[1] ?? rest;
  return {
    street: street ? canonicalStreet(street) : undefined,
    number,
    detail: unit?.[1],
  };
}
