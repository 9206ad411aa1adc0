/**
 * Legal forms, branch markers and industry words of organisation names, Chinese and Western, and
 * the functions that strip them from the end of a name.
 */

/** Chinese legal forms → canonical form, longest first. 股份公司 is the same form as 股份有限公司. */
const HAN_LEGAL_FORMS: readonly (readonly [string, string])[] = [
  ['股份有限公司', '股份有限公司'],
  ['有限责任公司', '有限责任公司'],
  ['特殊普通合伙', '特殊普通合伙'],
  ['有限合伙企业', '有限合伙'],
  ['普通合伙企业', '普通合伙'],
  ['农民专业合作社', '农民专业合作社'],
  ['个人独资企业', '个人独资企业'],
  ['个体工商户', '个体工商户'],
  ['股份公司', '股份有限公司'],
  ['有限公司', '有限公司'],
  ['合伙企业', '合伙企业'],
  ['有限合伙', '有限合伙'],
  ['普通合伙', '普通合伙'],
  ['专业合作社', '专业合作社'],
  ['合作社', '合作社'],
  ['总公司', '公司'],
  ['公司', '公司'],
];

/** Western legal forms as folded token sequences → canonical form; longer sequences first. */
const LATIN_LEGAL_FORMS: readonly (readonly [readonly string[], string])[] = (
  [
    ['gmbh and co kg', 'gmbh & co kg'],
    ['gmbh co kg', 'gmbh & co kg'],
    ['company limited', 'ltd'],
    ['co limited', 'ltd'],
    ['co ltd', 'ltd'],
    ['pty ltd', 'pty ltd'],
    ['pte ltd', 'pte ltd'],
    ['pvt ltd', 'pvt ltd'],
    ['private limited', 'pvt ltd'],
    ['l l c', 'llc'],
    ['s a', 'sa'],
    ['s r l', 'srl'],
    ['s p a', 'spa'],
    ['b v', 'bv'],
    ['n v', 'nv'],
    ['k k', 'kk'],
    ['limited', 'ltd'],
    ['ltd', 'ltd'],
    ['llc', 'llc'],
    ['llp', 'llp'],
    ['lp', 'lp'],
    ['incorporated', 'inc'],
    ['inc', 'inc'],
    ['corporation', 'corp'],
    ['corp', 'corp'],
    ['plc', 'plc'],
    ['gmbh', 'gmbh'],
    ['ag', 'ag'],
    ['kg', 'kg'],
    ['sa', 'sa'],
    ['sas', 'sas'],
    ['sarl', 'sarl'],
    ['srl', 'srl'],
    ['spa', 'spa'],
    ['bv', 'bv'],
    ['nv', 'nv'],
    ['oy', 'oy'],
    ['ab', 'ab'],
    ['asa', 'asa'],
    ['kk', 'kk'],
    ['company', 'co'],
    ['co', 'co'],
  ] as const
).map(([form, canonical]) => [form.split(' '), canonical] as const);

export const HAN_BRANCH_MARKER =
  /(?:分公司|分店|分行|支行|营业部|办事处|代表处|分厂|分所|分部|分中心|分院|门店|分理处)$/u;
export const LATIN_BRANCH_MARKER = /\b(?:branch|branch office|representative office)$/u;

/**
 * Industry and organisation-type words (行业词) that follow the trade name (字号). They stay in the
 * core, since 华为技术 and 华为终端 are different companies, but are split off into `industry` so a
 * trade-name-only key can block 华为技术 against 华为科技. Longest first.
 */
const HAN_INDUSTRY_WORDS: readonly string[] = (
  '人力资源 信息技术 网络科技 电子商务 计算机 云计算 进出口 供应链 房地产 新材料 天然气 新能源 ' +
  '销售 开发 服装 ' +
  '科技 技术 网络 信息 贸易 商贸 工贸 实业 投资 发展 控股 咨询 管理 服务 电子 软件 通信 通讯 ' +
  '机械 设备 建设 工程 地产 置业 物流 文化 传媒 广告 餐饮 食品 医药 生物 制药 电器 电气 汽车 ' +
  '能源 环保 材料 化工 建筑 装饰 教育 金融 保险 银行 证券 基金 资产 国际 集团 大学 学院 医院 ' +
  '系统 数据 智能 石油 物业 酒店 旅游 农业 纺织 服饰 家具 印刷 包装 电力 企业 商业 工业'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

const LATIN_INDUSTRY_WORDS: ReadonlySet<string> = new Set(
  (
    'technology technologies tech software systems solutions services trading international ' +
    'group holdings holding industries industrial consulting enterprises electronics networks ' +
    'communications pharmaceuticals pharma bank insurance logistics investment investments ' +
    'development manufacturing network information electronic education catering management ' +
    'commerce trade construction engineering culture media food foods machinery equipment ' +
    'garment garments apparel environmental automobile automotive sales biotechnology energy ' +
    'advertising decoration agricultural agriculture pharmaceutical'
  ).split(' '),
);

/** Two-word industry terms whose first word alone is no industry word (real estate, new energy). */
const LATIN_INDUSTRY_PAIRS: ReadonlySet<string> = new Set([
  'real estate',
  'new energy',
  'supply chain',
]);

const HAN_LEGAL_FORM_NAMES: ReadonlySet<string> = new Set(HAN_LEGAL_FORMS.map(([form]) => form));

/** A name that is nothing but a legal form (有限公司) keeps it rather than leaving a fragment. */
export function stripHanLegalForm(text: string): { text: string; legalForm?: string } {
  if (HAN_LEGAL_FORM_NAMES.has(text)) return { text };
  for (const [form, canonical] of HAN_LEGAL_FORMS) {
    if (form === '公司' && text.endsWith('分公司')) continue; // a branch marker, not a legal form
    if (text.endsWith(form) && text.length > form.length) {
      return { text: text.slice(0, -form.length), legalForm: canonical };
    }
  }
  return { text };
}

/** End of the last Chinese legal form in the text (…有限公司 | 北京分公司), or -1. */
export function lastHanLegalFormEnd(text: string): number {
  let end = -1;
  for (const [form] of HAN_LEGAL_FORMS) {
    const at = text.lastIndexOf(form);
    if (at > 0) end = Math.max(end, at + form.length);
  }
  return end;
}

export function latinLegalFormAt(tokens: readonly string[], end: number) {
  for (const [form, canonical] of LATIN_LEGAL_FORMS) {
    const start = end - form.length;
    if (start < 1) continue; // a name that is only a legal form keeps it
    if (form.every((word, i) => tokens[start + i] === word)) return { start, canonical };
  }
  return undefined;
}

/**
 * Trailing industry words: 腾讯计算机系统 → 腾讯 + 计算机系统. Keeps at least `minLength` characters
 * of trade name (2 by default: 大学 alone stays a name).
 */
export function splitHanIndustry(
  core: string,
  minLength = 2,
): { tradeName: string; industry?: string } {
  let tradeName = core;
  for (let changed = true; changed;) {
    changed = false;
    for (const word of HAN_INDUSTRY_WORDS) {
      if (tradeName.endsWith(word) && tradeName.length - word.length >= minLength) {
        tradeName = tradeName.slice(0, -word.length);
        changed = true;
        break;
      }
    }
  }
  const industry = core.slice(tradeName.length);
  return industry ? { tradeName, industry } : { tradeName };
}

export function isLatinIndustryWord(word: string): boolean {
  return LATIN_INDUSTRY_WORDS.has(word);
}

/** "acme commerce and trade" → acme + "commerce and trade"; keeps at least one token. */
export function splitLatinIndustry(core: string): { tradeName: string; industry?: string } {
  const tokens = core.split(' ');
  let end = tokens.length;
  for (;;) {
    const last = tokens[end - 1];
    if (end > 2 && LATIN_INDUSTRY_PAIRS.has(`${tokens[end - 2]} ${last}`)) end -= 2;
    else if (end > 1 && LATIN_INDUSTRY_WORDS.has(last)) end--;
    else if (end > 1 && end < tokens.length && (last === 'and' || last === 'of')) end--;
    else break;
  }
  const industry = tokens.slice(end).join(' ');
  const tradeName = tokens.slice(0, end).join(' ');
  return industry ? { tradeName, industry } : { tradeName };
}
