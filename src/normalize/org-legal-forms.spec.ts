import {
  lastHanLegalFormEnd,
  latinLegalFormAt,
  splitHanIndustry,
  splitLatinIndustry,
  stripHanLegalForm,
} from './org-legal-forms';

describe('stripHanLegalForm', () => {
  it.each([
    ['华为技术有限公司', '华为技术', '有限公司'],
    ['平安保险股份有限公司', '平安保险', '股份有限公司'],
    ['字节跳动有限责任公司', '字节跳动', '有限责任公司'],
    ['某某股份公司', '某某', '股份有限公司'],
    ['某某投资合伙企业', '某某投资', '合伙企业'],
    ['某某总公司', '某某', '公司'],
    ['华为北京分公司', '华为北京分公司', undefined],
    ['有限公司', '有限公司', undefined],
  ])('%s → %s + %s', (name, text, legalForm) => {
    expect(stripHanLegalForm(name)).toEqual(legalForm ? { text, legalForm } : { text });
  });
});

describe('lastHanLegalFormEnd', () => {
  it.each([
    ['华为技术有限公司北京', 8],
    ['华为技术北京', -1],
  ])('%s → %s', (text, end) => {
    expect(lastHanLegalFormEnd(text)).toBe(end);
  });
});

describe('latinLegalFormAt', () => {
  it.each<[string, { start: number; canonical: string } | undefined]>([
    ['huawei co ltd', { start: 1, canonical: 'ltd' }],
    ['acme company limited', { start: 1, canonical: 'ltd' }],
    ['acme l l c', { start: 1, canonical: 'llc' }],
    ['siemens gmbh and co kg', { start: 1, canonical: 'gmbh & co kg' }],
    ['acme widgets', undefined],
    ['ltd', undefined],
  ])('%s', (name, expected) => {
    const tokens = name.split(' ');
    expect(latinLegalFormAt(tokens, tokens.length)).toEqual(expected);
  });
});

describe('industry words', () => {
  it.each([
    ['华为技术', '华为', '技术'],
    ['腾讯计算机系统', '腾讯', '计算机系统'],
    ['海尔集团', '海尔', '集团'],
    ['大学', '大学', undefined],
    ['字节跳动', '字节跳动', undefined],
  ])('Han %s → %s + %s', (core, tradeName, industry) => {
    expect(splitHanIndustry(core)).toEqual(industry ? { tradeName, industry } : { tradeName });
  });

  it('can strip down to nothing when asked (region guard)', () => {
    expect(splitHanIndustry('电气集团', 0)).toEqual({ tradeName: '', industry: '电气集团' });
  });

  it.each([
    ['huawei technologies', 'huawei', 'technologies'],
    ['acme software solutions', 'acme', 'software solutions'],
    ['software', 'software', undefined],
  ])('Latin %s → %s + %s', (core, tradeName, industry) => {
    expect(splitLatinIndustry(core)).toEqual(industry ? { tradeName, industry } : { tradeName });
  });
});
