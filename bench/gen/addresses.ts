/**
 * Street addresses inside a township, and their renderings: structured fields, one line of free
 * text as a web form or a courier label has it, or the partial form a call-centre agent notes.
 */
import type { StructuredAddress } from '../../src/normalize/customer-record';
import type { Place } from './places';
import type { Rng } from './prng';
import { toFullWidth } from './script';

export interface PostalAddress {
  place: Place;
  road: string;
  number: number;
  /** Compound, building, unit and room; undefined for a house or a shop on the street. */
  detail?: string;
}

// prettier-ignore
const ROAD_STEMS = [
  '人民', '解放', '中山', '建设', '和平', '新华', '胜利', '文化', '友谊', '长江', '黄河', '朝阳', '光明',
  '幸福', '东风', '青年', '团结', '工业', '花园', '滨江', '建国', '复兴', '学院', '体育', '府前', '迎宾',
  '健康', '民主', '劳动', '红旗', '振兴', '育才', '新民', '望江', '金桥', '天山', '昆仑', '泰山', '湖滨',
  '西湖', '南京', '北京', '上海', '广州', '延安', '淮海', '长安', '兴华', '民生', '春晖', '丰收', '凤凰',
];
const ROAD_SUFFIXES = [
  '路',
  '路',
  '路',
  '街',
  '大街',
  '大道',
  '东路',
  '西路',
  '南路',
  '北路',
  '巷',
];
// prettier-ignore
const COMPOUND_STEMS = [
  '阳光', '幸福', '金色', '绿城', '翠苑', '锦绣', '华府', '御景', '龙湖', '紫荆', '丽景', '和谐', '盛世',
  '书香', '碧水', '东方', '世纪', '名都', '枫林', '海棠', '怡和', '嘉园', '新城', '星河',
];
const COMPOUND_SUFFIXES = ['花园', '小区', '家园', '公寓', '苑', '新村', '华庭', '嘉园'];
const BUILDING_WORDS = ['栋', '幢', '号楼'];

export function drawPostalAddress(rng: Rng, place: Place): PostalAddress {
  const road = rng.pick(ROAD_STEMS) + rng.pick(ROAD_SUFFIXES);
  const number = rng.chance(0.7) ? rng.range(1, 199) : rng.range(200, 1999);
  if (rng.chance(0.15)) return { place, road, number };
  const compound = rng.pick(COMPOUND_STEMS) + rng.pick(COMPOUND_SUFFIXES);
  const building = `${rng.range(1, 30)}${rng.pick(BUILDING_WORDS)}`;
  const unit = rng.chance(0.7) ? `${rng.range(1, 6)}单元` : '';
  const room = `${rng.range(1, 33)}${String(rng.range(1, 6)).padStart(2, '0')}室`;
  return { place, road, number, detail: `${compound}${building}${unit}${room}` };
}

/** Office addresses: a tower and a room rather than a residential compound. */
export function drawOfficeAddress(rng: Rng, place: Place): PostalAddress {
  const road = rng.pick(ROAD_STEMS) + rng.pick(ROAD_SUFFIXES);
  const tower = rng.pick(COMPOUND_STEMS) + rng.pick(['大厦', '广场', '中心', '科技园', '商务楼']);
  const room = `${rng.range(1, 40)}${String(rng.range(1, 20)).padStart(2, '0')}室`;
  return {
    place,
    road,
    number: rng.range(1, 999),
    detail: `${tower}${rng.chance(0.3) ? 'A座' : ''}${room}`,
  };
}

export function structuredAddress(address: PostalAddress): StructuredAddress {
  const { place } = address;
  return {
    province: place.province,
    city: place.city,
    district: place.district,
    line1: `${address.road}${address.number}号`,
    line2: address.detail,
    country: 'CN',
  };
}

export interface FreeTextStyle {
  withProvince: boolean;
  spaced: boolean;
  fullWidthDigits: boolean;
}

export function freeTextAddress(address: PostalAddress, style: FreeTextStyle): string {
  const { place } = address;
  const parts: string[] = [];
  if (style.withProvince && place.province !== place.city) parts.push(place.province);
  parts.push(place.city);
  if (place.district !== undefined) parts.push(place.district);
  parts.push(`${address.road}${address.number}号`);
  if (address.detail !== undefined) parts.push(address.detail);
  const text = parts.join(style.spaced ? ' ' : '');
  return style.fullWidthDigits ? toFullWidth(text) : text;
}

/** What an agent types while listening: district (or city) and street, often no flat. */
export function partialAddress(rng: Rng, address: PostalAddress): string {
  const { place } = address;
  const withCity = place.district !== undefined && rng.chance(0.5);
  const head = withCity ? `${place.cityShort}${place.district}` : (place.district ?? place.city);
  const tail = rng.chance(0.5) && address.detail !== undefined ? address.detail : '';
  return `${head}${address.road}${address.number}号${tail}`;
}
