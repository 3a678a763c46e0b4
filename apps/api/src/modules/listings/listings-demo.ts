import type { ListingsTable } from '../../db/schema.ts';

/**
 * Deterministic synthetic listings for the demo: no real company, no names, no identifiers — only the
 * non-identifying attributes a teaser shows. The same seed always gives the same rows.
 */
const REGIONS: [string, string][] = [
  ['上海市', '上海市'], ['北京市', '北京市'], ['广东省', '深圳市'], ['广东省', '广州市'], ['浙江省', '杭州市'],
  ['江苏省', '苏州市'], ['江苏省', '南京市'], ['四川省', '成都市'], ['湖北省', '武汉市'], ['天津市', '天津市'],
  ['山东省', '青岛市'], ['福建省', '厦门市'], ['陕西省', '西安市'], ['重庆市', '重庆市'], ['湖南省', '长沙市'],
];
const INDUSTRIES: { name: string; extras: string[] }[] = [
  { name: '信息技术', extras: ['ICP许可证', '软著12项', '高新技术企业'] },
  { name: '建筑工程', extras: ['建筑施工总承包三级', '安全生产许可证'] },
  { name: '贸易', extras: ['进出口经营权', '海关备案'] },
  { name: '人力资源', extras: ['劳务派遣经营许可证', '人力资源服务许可证'] },
  { name: '医疗器械', extras: ['二类医疗器械经营备案', '三类医疗器械经营许可证'] },
  { name: '文化传媒', extras: ['广播电视节目制作经营许可证', '出版物经营许可证'] },
  { name: '餐饮管理', extras: ['食品经营许可证'] },
  { name: '物流运输', extras: ['道路运输经营许可证'] },
  { name: '投资咨询', extras: ['私募基金管理人登记'] },
  { name: '环保科技', extras: ['环保工程专业承包资质'] },
];
const COMPANY_TYPES = ['llc', 'llc', 'llc', 'sole_llc', 'joint_stock'];
const COMMON = ['无经营异常', '无欠税', '有银行基本户', '账务清晰', '注册资本已实缴', '有商标', '无诉讼'];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoListings(count: number, options: { seed?: number; now?: Date; idFor: (i: number) => string }): ListingsTable[] {
  const rand = mulberry32(options.seed ?? 20261128);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const now = options.now ?? new Date('2026-11-28T00:00:00Z');
  const rows: ListingsTable[] = [];
  for (let i = 0; i < count; i++) {
    const [province, city] = pick(REGIONS);
    const industry = pick(INDUSTRIES);
    const age = 1 + Math.floor(rand() * 15);
    const capital = pick([50, 100, 200, 300, 500, 1000, 2000, 5000, 10000]);
    const taxpayer = rand() < 0.55 ? 'general' : 'small_scale';
    const negotiable = rand() < 0.3;
    const price = negotiable ? null : Math.round((3 + rand() * 80 + (taxpayer === 'general' ? 10 : 0)) * 10) / 10;
    const highlights = [
      ...(rand() < 0.6 ? [pick(['A级纳税信用', 'B级纳税信用'])] : []),
      ...(rand() < 0.7 ? [pick(industry.extras)] : []),
      pick(COMMON),
    ];
    const publishedAt = new Date(now.getTime() - i * 7.5 * 3600 * 1000).toISOString();
    // Titles name the age band, never the exact age: an exact age narrows a registry search (DOMAIN.md).
    const ageWord = age >= 10 ? '十年以上' : age >= 5 ? '五年以上' : age >= 3 ? '三年以上' : '';
    rows.push({
      id: options.idFor(i),
      code: `SB-${String(2026_0001 + i)}`,
      title: `${city.replace(/市$/, '')}${ageWord}${industry.name}公司转让${taxpayer === 'general' ? '（一般纳税人）' : ''}`,
      province,
      city,
      industry: industry.name,
      company_type: pick(COMPANY_TYPES),
      established_year: now.getUTCFullYear() - age,
      registered_capital_wan: capital,
      taxpayer_type: taxpayer,
      price_kind: negotiable ? 'negotiable' : 'fixed',
      price_wan: price === null ? null : Math.round(price),
      highlights: JSON.stringify([...new Set(highlights)]),
      status: 'published',
      published_at: publishedAt,
      created_at: publishedAt,
      updated_at: publishedAt,
    });
  }
  return rows;
}
