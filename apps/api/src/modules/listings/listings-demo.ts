import { usccCheckChar } from '@sealbridge/cn-identifiers';
import type { TListingInput } from '@sealbridge/contracts';
import type { ListingsTable } from '../../db/schema.ts';

/**
 * Deterministic synthetic listings for the demo: no real company, no names, no identifiers — only the
 * non-identifying attributes a teaser shows. The same seed always gives the same rows.
 */
/** [province, city, district code]: codes from the bundled region table (listings-regions.ts). */
const REGIONS: [string, string, string][] = [
  ['上海市', '上海市', '310104'],
  ['北京市', '北京市', '110108'],
  ['广东省', '深圳市', '440305'],
  ['广东省', '广州市', '440106'],
  ['浙江省', '杭州市', '330106'],
  ['江苏省', '苏州市', '320505'],
  ['江苏省', '南京市', '320106'],
  ['四川省', '成都市', '510107'],
  ['湖北省', '武汉市', '420106'],
  ['天津市', '天津市', '120116'],
  ['山东省', '青岛市', '370212'],
  ['福建省', '厦门市', '350203'],
  ['陕西省', '西安市', '610113'],
  ['重庆市', '重庆市', '500112'],
  ['湖南省', '长沙市', '430104'],
];
const INDUSTRIES: { name: string; extras: string[]; licences: string[] }[] = [
  { name: '信息技术', extras: ['ICP许可证', '软著多项', '高新技术企业'], licences: ['icp', 'high_tech'] },
  { name: '建筑工程', extras: ['建筑施工总承包三级', '安全生产许可证'], licences: ['construction_general_3', 'safety_production'] },
  { name: '贸易', extras: ['进出口经营权', '海关备案'], licences: ['import_export', 'customs_filing'] },
  { name: '人力资源', extras: ['劳务派遣经营许可证', '人力资源服务许可证'], licences: ['labour_dispatch', 'hr_service'] },
  { name: '医疗器械', extras: ['二类医疗器械经营备案', '三类医疗器械经营许可证'], licences: ['medical_device_2', 'medical_device_3'] },
  { name: '文化传媒', extras: ['广播电视节目制作经营许可证', '出版物经营许可证'], licences: ['radio_tv_production', 'publication'] },
  { name: '餐饮管理', extras: ['食品经营许可证'], licences: ['food_operation'] },
  { name: '物流运输', extras: ['道路运输经营许可证'], licences: ['road_transport'] },
  { name: '投资咨询', extras: ['私募基金管理人登记'], licences: ['private_fund_manager'] },
  { name: '环保科技', extras: ['环保工程专业承包资质'], licences: ['environmental_engineering'] },
];
const DESCRIPTIONS = [
  '公司账务清晰，每月正常申报，无欠税无异常，可配合尽职调查。',
  '股权结构简单，转让后可办理税务、银行及社保变更，交接资料齐全。',
  '经营稳定，客户资源可协商随公司转让，适合同行业扩张。',
  '注册资本已实缴，有银行基本户，适合投标及资质延续。',
];
const HANDOVER = [
  'official_seal',
  'finance_seal',
  'legal_rep_seal',
  'invoice_seal',
  'business_licence',
  'bank_ukey',
  'tax_ukey',
  'account_books',
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
    const [province, city, districtCode] = pick(REGIONS);
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
      description: pick(DESCRIPTIONS),
      province_code: districtCode.slice(0, 2),
      city_code: districtCode.slice(0, 4),
      district_code: districtCode,
      established_on: `${now.getUTCFullYear() - age}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      paid_in_capital_wan: rand() < 0.5 ? capital : Math.round(capital * rand()),
      tax_credit_grade: pick(['A', 'B', 'B', 'M', 'C']),
      filing_kind: rand() < 0.4 ? 'zero' : 'real',
      bank_account: rand() < 0.8 ? pick(['工商银行', '建设银行', '招商银行', '农业银行']) : null,
      licences: JSON.stringify(industry.licences.filter(() => rand() < 0.6)),
      ip_assets: JSON.stringify({
        trademarks: rand() < 0.4 ? 1 + Math.floor(rand() * 5) : 0,
        patents: 0,
        softwareCopyrights: industry.name === '信息技术' ? Math.floor(rand() * 15) : 0,
      }),
      social_insurance_headcount: Math.floor(rand() * rand() * 60),
      red_flags: JSON.stringify(rand() < 0.1 ? [pick(['litigation', 'administrative_penalty'])] : []),
      handover: JSON.stringify(HANDOVER.filter(() => rand() < 0.85)),
      seller_account_id: null,
      broker_account_id: null,
      review_flag: null,
      search_text: '',
      submitted_at: null,
    });
  }
  return rows;
}

/** A synthetic unified social credit code with a valid GB 32100 check character (no real company). */
export function syntheticCreditCode(serial: number): string {
  const body = `91310104MA${String(1_000_000 + serial).slice(-7)}`;
  return body + usccCheckChar(body);
}

/** The demo seller's own listings (entered through the seller flow): invented companies and people. */
export function demoSellerListings(): TListingInput[] {
  const base = {
    companyType: 'llc' as const,
    taxpayerType: 'general' as const,
    taxCreditGrade: 'A' as const,
    filingKind: 'real' as const,
    bankAccount: '招商银行',
    handover: [
      'official_seal',
      'finance_seal',
      'legal_rep_seal',
      'invoice_seal',
      'business_licence',
      'bank_ukey',
      'tax_ukey',
      'account_books',
    ] as TListingInput['handover'],
    redFlags: [],
    documentNames: ['营业执照副本扫描件.pdf', '近三年纳税申报表.xlsx'],
  };
  return [
    {
      ...base,
      title: '上海徐汇八年信息技术公司转让（一般纳税人，A级纳税信用）',
      description: '主营软件开发与系统集成，账务规范，每月正常申报，有招商银行基本户，软著多项，可配合买方尽职调查。',
      districtCode: '310104',
      industry: '信息技术',
      establishedOn: '2018-05-16',
      registeredCapitalWan: 500,
      paidInCapitalWan: 500,
      licences: ['icp', 'high_tech'],
      ip: { trademarks: 2, patents: 0, softwareCopyrights: 9 },
      socialInsuranceHeadcount: 12,
      price: { kind: 'fixed', amountWan: 68 },
      highlights: ['A级纳税信用', 'ICP许可证', '注册资本已实缴'],
      company: {
        name: '上海云启信息科技有限公司',
        creditCode: syntheticCreditCode(1),
        legalRepresentative: '陈演示',
        shareholders: ['陈演示', '刘样例'],
      },
    },
    {
      ...base,
      title: '杭州西湖区贸易公司转让，进出口权齐全',
      description: '进出口经营权与海关备案齐全，近两年真实流水，无欠税无诉讼，交接资料完整。',
      districtCode: '330106',
      industry: '贸易',
      establishedOn: '2020-09-01',
      registeredCapitalWan: 200,
      paidInCapitalWan: 50,
      licences: ['import_export', 'customs_filing'],
      ip: { trademarks: 1, patents: 0, softwareCopyrights: 0 },
      socialInsuranceHeadcount: 3,
      price: { kind: 'negotiable' },
      highlights: ['进出口经营权', '无欠税'],
      company: {
        name: '杭州澄远商贸有限公司',
        creditCode: syntheticCreditCode(2),
        legalRepresentative: '周样本',
        shareholders: ['周样本'],
      },
    },
    {
      ...base,
      title: '成都劳务派遣公司转让，许可证在有效期内',
      description: '劳务派遣经营许可证在有效期内，社保正常缴纳，适合人力资源企业扩张。',
      districtCode: '510107',
      industry: '人力资源',
      establishedOn: '2016-03-20',
      registeredCapitalWan: 200,
      paidInCapitalWan: 200,
      licences: ['labour_dispatch', 'hr_service'],
      ip: { trademarks: 0, patents: 0, softwareCopyrights: 0 },
      socialInsuranceHeadcount: 30,
      price: { kind: 'fixed', amountWan: 45 },
      highlights: ['劳务派遣经营许可证'],
      company: {
        name: '成都蓉川人力资源管理有限公司',
        creditCode: syntheticCreditCode(3),
        legalRepresentative: '王示范',
        shareholders: ['王示范', '赵演练'],
      },
    },
  ];
}
