/**
 * Organisation names → NormalizedOrgName: the trade name (core) separated from region affixes
 * (北京华为…, 华为技术(北京)…), legal form (有限公司, Co., Ltd.) and branch (北京分公司), so
 * 华为技术有限公司, 華為技術有限公司 and 华为技术（北京）有限公司 share the core 华为技术 while
 * 华为技术北京分公司 is marked as a branch.
 *
 * 集团 stays in the core: 海尔集团 (the group) is a different legal entity from 青岛海尔股份有限公司.
 */
import type { NormalizedOrgName } from './normalized-record';
import {
  HAN_BRANCH_MARKER,
  LATIN_BRANCH_MARKER,
  lastHanLegalFormEnd,
  latinLegalFormAt,
  splitHanIndustry,
  isLatinIndustryWord,
  splitLatinIndustry,
  stripHanLegalForm,
} from './org-legal-forms';
import { hanRegion, hanRegionPrefix, latinRegion, placeRunStart } from './org-region';
import { foldLatin, hanPinyin, hasHan, normalizeText } from './text';

interface OrgParts {
  text: string;
  region?: string;
  branch?: string;
  legalForm?: string;
}

const OPEN_BRACKETS = /[[【〔「『{<]/gu;
const CLOSE_BRACKETS = /[\]】〕」』}>]/gu;
const BRACKET_GROUP = /\(([^()]*)\)/gu;
const STRAY_BRACKETS = /[()]/gu;
const NOT_NAME_CHAR = /[^\p{L}\p{N}\s]+/gu;
const SPACE_NEAR_HAN = /\s*(\p{Script=Han})\s*/gu;
const HAN_RUNS = /(\p{Script=Han}+)|([^\p{Script=Han}]+)/gu;

/** Classifies one bracketed group: (北京) is a region, (北京分公司) a branch, (有限合伙) a legal form. */
function bracketGroup(parts: OrgParts, content: string): string {
  const trimmed = content.trim();
  const region = hanRegion(trimmed) ?? latinRegion(trimmed);
  if (region) {
    parts.region ??= region;
    return ' ';
  }
  if (HAN_BRANCH_MARKER.test(trimmed) || LATIN_BRANCH_MARKER.test(trimmed)) {
    parts.branch ??= trimmed;
    return ' ';
  }
  const legal = stripHanLegalForm('_' + trimmed);
  if (legal.legalForm && legal.text === '_') {
    parts.legalForm ??= legal.legalForm;
    return ' ';
  }
  return ` ${trimmed} `;
}

function extractBrackets(text: string): OrgParts {
  const parts: OrgParts = { text: '' };
  const unified = text.replace(OPEN_BRACKETS, '(').replace(CLOSE_BRACKETS, ')');
  parts.text = unified
    .replace(BRACKET_GROUP, (_, content: string) => bracketGroup(parts, content))
    .replace(STRAY_BRACKETS, ' ');
  return parts;
}

/** 华为技术有限公司北京分公司 / 华为技术北京分公司 → branch 北京分公司. */
function extractHanBranch(parts: OrgParts): void {
  const marker = HAN_BRANCH_MARKER.exec(parts.text);
  if (!marker) return;
  const legalEnd = lastHanLegalFormEnd(parts.text.slice(0, marker.index));
  const start = legalEnd > 0 ? legalEnd : placeRunStart(parts.text, marker.index);
  if (start === 0) return; // nothing but a branch name: keep it as the name
  parts.branch ??= parts.text.slice(start);
  parts.text = parts.text.slice(0, start);
}

/** "acme co ltd shanghai branch" → branch "shanghai branch", legal form left for later. */
function extractLatinBranch(parts: OrgParts, tokens: string[]): string[] {
  const marker = LATIN_BRANCH_MARKER.exec(tokens.join(' '));
  if (!marker) return tokens;
  const markerStart = tokens.length - marker[0].split(' ').length;
  let start = markerStart;
  while (start > 1 && latinRegion(tokens[start - 1])) start--;
  if (start === 0) return tokens;
  parts.branch ??= tokens.slice(start).join(' ');
  return tokens.slice(0, start);
}

function stripLatinLegalForms(parts: OrgParts, tokens: string[]): string[] {
  let end = tokens.length;
  for (let form = latinLegalFormAt(tokens, end); form; form = latinLegalFormAt(tokens, end)) {
    parts.legalForm ??= form.canonical;
    end = form.start;
  }
  return tokens.slice(0, end);
}

function stripHanLegalForms(parts: OrgParts): void {
  for (let legal = stripHanLegalForm(parts.text); legal.legalForm;) {
    parts.legalForm ??= legal.legalForm;
    parts.text = legal.text;
    legal = stripHanLegalForm(parts.text);
  }
}

/** A region prefix is only an affix if a real trade name follows: 北京大学 keeps its 北京. */
function stripRegionPrefix(parts: OrgParts): void {
  const prefix = hanRegionPrefix(parts.text);
  if (!prefix) return;
  const rest = parts.text.slice(prefix.length);
  if (splitHanIndustry(rest, 0).tradeName.length < 2) return;
  parts.region ??= prefix.region;
  parts.text = rest;
}

/**
 * "Beijing Litianxia Network Technology" → region 北京: the romanised counterpart of 北京立天下网络科技.
 * Only when a trade name follows (two-word names such as "Hong Kong" included).
 */
function stripLatinRegionPrefix(parts: OrgParts, tokens: string[]): string[] {
  for (const length of [2, 1]) {
    if (tokens.length <= length) continue;
    const region = latinRegion(tokens.slice(0, length).join(''));
    const rest = tokens.slice(length);
    if (!region || splitLatinIndustry(rest.join(' ')).tradeName === '') continue;
    if (isLatinIndustryWord(rest[0])) continue; // "Shanghai Electronics Co." keeps its place name
    parts.region ??= region;
    return rest;
  }
  return tokens;
}

function canonicalText(text: string): string {
  return text
    .replace(/&/gu, ' and ')
    .replace(NOT_NAME_CHAR, ' ')
    .replace(SPACE_NEAR_HAN, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

function corePinyin(core: string): string {
  const pieces: string[] = [];
  for (const [, han, other] of core.matchAll(HAN_RUNS)) {
    pieces.push(han ? hanPinyin(han).join('') : other.replace(/\s+/gu, ''));
  }
  return pieces.join('');
}

/** Removes branch, legal form and region affixes; what is left is the core. */
function parseOrgName(display: string): OrgParts {
  const parts = extractBrackets(foldLatin(display));
  parts.text = canonicalText(parts.text);
  if (hasHan(parts.text)) {
    parts.text = parts.text.replace(/\s+/gu, '');
    extractHanBranch(parts);
    stripHanLegalForms(parts);
    stripRegionPrefix(parts);
  } else {
    let tokens = parts.text.split(' ').filter(Boolean);
    tokens = stripLatinLegalForms(parts, extractLatinBranch(parts, tokens));
    if (tokens[0] === 'the' && tokens.length > 1) tokens = tokens.slice(1);
    parts.text = stripLatinRegionPrefix(parts, tokens).join(' ');
  }
  return parts;
}

/** Undefined when the name is empty or has no letters or digits. */
export function normalizeOrgName(name: string | undefined): NormalizedOrgName | undefined {
  const display = name ? normalizeText(name) : '';
  if (!display) return undefined;
  const parts = parseOrgName(display);
  const core = parts.text;
  if (!core) return undefined;
  const industry = hasHan(core) ? splitHanIndustry(core) : splitLatinIndustry(core);
  const result: NormalizedOrgName = { display, core, corePinyin: corePinyin(core) };
  if (parts.legalForm) result.legalForm = parts.legalForm;
  if (parts.region) result.region = parts.region;
  if (parts.branch) result.branch = parts.branch;
  result.tradeName = industry.tradeName;
  result.tradePinyin = corePinyin(industry.tradeName);
  if (industry.industry) result.industry = industry.industry;
  return result;
}
