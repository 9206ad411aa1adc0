/**
 * Reference lists for person names: compound surnames, honorifics and titles, and the pinyin
 * surname / given-name syllables used to guess the order of a romanised Chinese name.
 */
import type { Gender } from './normalized-record';

/** Two-character surnames (复姓): 欧阳娜娜 is 欧阳 + 娜娜, not 欧 + 阳娜娜. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  (
    '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 独孤 南宫 西门 ' +
    '轩辕 呼延 钟离 闻人 万俟 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 仲孙 闾丘 东郭 拓跋 百里 ' +
    '第五 左丘 梁丘 司空 司寇 亓官 子车 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 段干 公西 巫马 公羊 ' +
    '微生 羊舌 赫连'
  ).split(' '),
);

export interface HanHonorific {
  suffix: string;
  gender?: Gender;
  /** One-character titles (王总, 李工) are only honorifics after a bare surname: 张志总 is a name. */
  bareSurnameOnly: boolean;
}

function honorifics(words: string, gender?: Gender, bareSurnameOnly = false): HanHonorific[] {
  return words.split(' ').map((suffix) => ({ suffix, gender, bareSurnameOnly }));
}

/** Longest first, so 总经理 is tried before 经理 and 总. */
export const HAN_HONORIFICS: readonly HanHonorific[] = [
  ...honorifics('董事长 总经理 总监 经理 主任 老师 教授 博士 医生 大夫 律师 师傅 老板 同学'),
  ...honorifics('先生', 'M'),
  ...honorifics('女士 小姐 太太 夫人 阿姨', 'F'),
  ...honorifics('总 董 工', undefined, true),
].sort((a, b) => b.suffix.length - a.suffix.length);

/** Latin titles before a name, with the gender they imply (Dr and Prof imply none). */
export const LATIN_TITLES: ReadonlyMap<string, Gender | undefined> = new Map<
  string,
  Gender | undefined
>([
  ['mr', 'M'],
  ['mister', 'M'],
  ['sir', 'M'],
  ['herr', 'M'],
  ['mrs', 'F'],
  ['ms', 'F'],
  ['miss', 'F'],
  ['madam', 'F'],
  ['madame', 'F'],
  ['mme', 'F'],
  ['mlle', 'F'],
  ['frau', 'F'],
  ['dame', 'F'],
  ['mx', undefined],
  ['dr', undefined],
  ['prof', undefined],
  ['professor', undefined],
  ['rev', undefined],
]);

/** Latin post-nominals dropped from the end of a name. */
export const LATIN_SUFFIXES: ReadonlySet<string> = new Set([
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'phd',
  'md',
  'esq',
]);

/**
 * The most common Chinese surnames in pinyin, including compound ones. Used only to guess which
 * token of a romanised name is the family name ("Xiaoming Zhang" → zhang).
 */
export const PINYIN_SURNAMES: ReadonlySet<string> = new Set(
  (
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng ' +
    'liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye ' +
    'cheng wei su lv ding ren lu yao shen zhong cui tan fan liao shi jin jia xia fu fang zou xiong ' +
    'bai meng qin qiu hou yin xue yan duan lei long tao gu mao hao gong shao wan qian dai mo kong ' +
    'xiang chang kang niu hong wen ou ouyang situ sima zhuge shangguan dongfang huangfu murong'
  ).split(' '),
);

/**
 * Syllables at least as common in given names as in surnames (伟, 丽, 杰, 静 …). A token that is a
 * surname but also one of these is weaker evidence of being the family name.
 */
export const COMMON_GIVEN_SYLLABLES: ReadonlySet<string> = new Set(
  (
    'wei li jie jing min jun yong hua ming na fang ping hong xiu ying mei lan yan ling juan qiang ' +
    'lei jian hui feng tao bin hao yu xin yi jia xiao chao gang bo tao dan qing xia yun long jin ' +
    'hai bing peng fei liang zhi kai wen xue rui yang'
  ).split(' '),
);
