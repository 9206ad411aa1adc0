/** One channel's record of an organisation, following that channel's habits (org-habits.ts). */
import type { OrgNameStyle } from './channels';
import { mistypeUscc } from './identifiers';
import { ORG_HABITS } from './org-habits';
import type { Organization } from './orgs';
import { formatLandline, formatMobile } from './phones';
import { RecordDraft, type GeneratedRecord, type RenderContext } from './record-draft';
import { capitalize, textPinyin } from './script';
import { keyTypo } from './typos';

const MAILBOXES = ['info', 'contact', 'sales', 'service', 'admin', 'finance', 'hr'];

export function renderOrganization(ctx: RenderContext, org: Organization): GeneratedRecord {
  const { rng } = ctx;
  const habits = ORG_HABITS[ctx.channel];
  const draft = new RecordDraft(ctx, 'organization', habits);
  const { record } = draft;
  const style = rng.weighted(habits.nameStyles);
  const name = orgName(org, style);
  // A typo never touches the region prefix: it lands in the trade name or after it.
  record.name =
    style === 'english' ? name : draft.han(name, habits.typo, (org.region ?? '').length);
  if (rng.chance(habits.landline)) {
    draft.addPhone(formatLandline(org.landline, rng.weighted(habits.landlineFormats)));
  }
  if (org.mobile !== undefined && rng.chance(habits.mobile)) {
    const mobile = draft.typo(org.mobile, habits.typo, (s) => keyTypo(rng, s, 'digits'));
    draft.addPhone(formatMobile(mobile, rng.weighted(habits.mobileFormats)));
  }
  if (rng.chance(habits.email)) record.emails = [`${rng.pick(MAILBOXES)}@${org.emailDomain}`];
  if (rng.chance(habits.id)) {
    const mistyped = rng.chance(habits.idMistyped);
    record.idNumber = mistyped ? mistypeUscc(rng, org.uscc) : org.uscc;
    if (habits.idType !== undefined) record.idType = habits.idType;
    draft.idValidity = mistyped ? 'mistyped' : 'valid';
    if (mistyped) draft.tags.add('mistyped_id');
  }
  if (rng.chance(habits.address)) draft.setAddress(org.address, habits);
  if (!record.phones && !record.emails && !record.idNumber) {
    draft.addPhone(formatLandline(org.landline, 'dashed'));
  }
  return draft.finish(org.entityId, org.hardCases);
}

/** The organisation's name in one of the forms channels use. */
export function orgName(org: Organization, style: OrgNameStyle): string {
  const region = org.region ?? '';
  const branch = org.branchCity === undefined ? '' : `${org.branchCity}分公司`;
  const [industry, industryEn] = org.industry;
  const [legal, legalEn] = org.legalForm;
  switch (style) {
    case 'legal':
      return `${region}${org.tradeName}${industry}${legal}${branch}`;
    case 'paren':
      return region === ''
        ? `${org.tradeName}${industry}${legal}${branch}`
        : `${org.tradeName}${industry}（${region}）${legal}${branch}`;
    case 'noLegalForm':
      return `${region}${org.tradeName}${industry}${branch}`;
    case 'trade':
      return `${org.tradeName}${branch}`;
    case 'tradeIndustry':
      return `${org.tradeName}${industry}${branch}`;
    case 'english': {
      const words = [region, org.tradeName].filter((w) => w !== '').map(latin);
      const branchEn = org.branchCity === undefined ? '' : ` ${latin(org.branchCity)} Branch`;
      return `${words.join(' ')} ${industryEn} ${legalEn}${branchEn}`;
    }
  }
}

function latin(han: string): string {
  return capitalize(textPinyin(han).join(''));
}
