/**
 * Toneless pinyin syllables, and splitting a romanised token into them ("xiaoming" → xiao + ming),
 * so "Zhang Xiaoming" and 张小明 give the same syllables and hence the same pinyin key.
 */

/** Every standard Mandarin syllable without tone, ü written v (lv, nve). Grouped by initial. */
const SYLLABLE_LIST = `
a ai an ang ao e ei en eng er o ou
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
fa fan fang fei fen feng fo fou fu
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
wa wai wan wang wei wen weng wo wu
`;

const SYLLABLES: ReadonlySet<string> = new Set(SYLLABLE_LIST.split(/\s+/).filter(Boolean));

/** Spellings of ü syllables without a v: passports write 吕 as LYU, keyboards type lue for 略. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['lyu', 'lv'],
  ['nyu', 'nv'],
  ['lue', 'lve'],
  ['nue', 'nve'],
]);

const LONGEST_SYLLABLE = 6;

function syllableAt(token: string, start: number, length: number): string | undefined {
  const piece = token.slice(start, start + length);
  if (SYLLABLES.has(piece)) return piece;
  return ALIASES.get(piece);
}

export function isPinyinSyllable(value: string): boolean {
  return SYLLABLES.has(value) || ALIASES.has(value);
}

interface Plan {
  syllable: string;
  next: number;
  /** Syllables after the first that start with a, o or e: pinyin writes an apostrophe there. */
  vowelStarts: number;
  count: number;
}

const VOWEL_START = /^[aoe]/u;

function isBetter(candidate: Plan, best: Plan | undefined): boolean {
  if (!best) return true;
  if (candidate.vowelStarts !== best.vowelStarts) return candidate.vowelStarts < best.vowelStarts;
  return candidate.count < best.count;
}

/** The best plan for token[start..]: fewest apostrophe-needing breaks, then fewest syllables. */
function planAt(token: string, start: number, plans: (Plan | undefined)[]): Plan | undefined {
  let best: Plan | undefined;
  for (let length = Math.min(LONGEST_SYLLABLE, token.length - start); length >= 1; length--) {
    const syllable = syllableAt(token, start, length);
    const rest = plans[start + length];
    if (!syllable || !rest) continue;
    const vowelStart = start > 0 && VOWEL_START.test(syllable) ? 1 : 0;
    const candidate: Plan = {
      syllable,
      next: start + length,
      vowelStarts: rest.vowelStarts + vowelStart,
      count: rest.count + 1,
    };
    if (isBetter(candidate, best)) best = candidate;
  }
  return best;
}

/**
 * Splits a lower-case token into pinyin syllables, or undefined when it is not pinyin. Without an
 * apostrophe a syllable after the first does not start with a vowel (pinyin orthography writes
 * xi'an, so "xian" is one syllable and "nana" is na + na, not nan + a); among equals the fewest
 * syllables win, then the longest first syllable. Dynamic programming from the right: linear.
 */
export function segmentPinyin(token: string): string[] | undefined {
  const n = token.length;
  if (n === 0 || n > 60) return undefined;
  const plans: (Plan | undefined)[] = new Array<Plan | undefined>(n + 1);
  plans[n] = { syllable: '', next: n, vowelStarts: 0, count: 0 };
  for (let start = n - 1; start >= 0; start--) plans[start] = planAt(token, start, plans);
  if (!plans[0]) return undefined;
  const syllables: string[] = [];
  for (let plan = plans[0]; plan.syllable; plan = plans[plan.next] as Plan) {
    syllables.push(plan.syllable);
  }
  return syllables;
}
