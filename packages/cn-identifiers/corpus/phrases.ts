// Vocabulary of the trade: places, industries, licences, banks. Numbers in these phrases are never identifiers.
import type { Rng } from './rng.ts';

export const PLACES = [
  ['上海', '浦东新区'], ['上海', '闵行区'], ['上海', '嘉定区'], ['北京', '朝阳区'], ['北京', '海淀区'], ['深圳', '南山区'],
  ['深圳', '福田区'], ['广州', '天河区'], ['杭州', '余杭区'], ['杭州', '西湖区'], ['苏州', '工业园区'], ['南京', '江宁区'],
  ['成都', '高新区'], ['武汉', '东湖高新区'], ['西安', '雁塔区'], ['天津', '滨海新区'], ['重庆', '渝北区'], ['宁波', '鄞州区'],
  ['厦门', '思明区'], ['青岛', '黄岛区'], ['合肥', '蜀山区'], ['长沙', '岳麓区'], ['郑州', '金水区'], ['东莞', '松山湖'],
] as const;

export const PLACES_EN = ['Shanghai', 'Beijing', 'Shenzhen', 'Guangzhou', 'Hangzhou', 'Suzhou', 'Chengdu', 'Wuhan', 'Nanjing'];

export const INDUSTRIES = ['科技', '信息技术', '贸易', '建筑工程', '劳务派遣', '医疗器械', '食品', '文化传媒', '供应链管理', '网络科技',
  '环保科技', '餐饮管理', '物流', '教育咨询', '人力资源', '商务咨询', '广告', '电子商务', '新能源', '生物科技'];

export const INDUSTRIES_EN = ['software', 'trading', 'logistics', 'medical devices', 'construction', 'e-commerce', 'consulting', 'food'];

export const LICENCES = ['建筑施工总承包三级资质', 'ICP许可证', 'EDI许可证', '食品经营许可证', '劳务派遣经营许可证', '二类医疗器械备案凭证',
  '道路运输经营许可证', '人力资源服务许可证', '进出口经营权', '高新技术企业证书', '安全生产许可证', '网络文化经营许可证'];

export const BANKS = ['工商银行', '建设银行', '招商银行', '农业银行', '中国银行', '交通银行', '浦发银行', '兴业银行', '宁波银行', '平安银行'];

export function place(rng: Rng): { city: string; district: string } {
  const [city, district] = rng.pick(PLACES);
  return { city, district };
}

export function companyName(rng: Rng): string {
  const { city } = place(rng);
  const word = rng.pick(['鼎盛', '华信', '恒通', '博远', '宏达', '锦程', '汇川', '瑞丰', '启航', '云帆', '中科', '新锐', '嘉禾']);
  return `${city}${word}${rng.pick(INDUSTRIES)}有限公司`;
}

export function address(rng: Rng): string {
  const { city, district } = place(rng);
  const road = rng.pick(['张江路', '科技园南路', '文三路', '中山北路', '建国路', '天府大道', '人民路', '长江路', '金融街', '星湖街']);
  return `${city}市${district}${road}${rng.int(1, 999)}号${rng.int(1, 30)}${rng.pick(['层', '楼'])}${rng.int(101, 2908)}室`;
}

export function years(rng: Rng): number {
  return rng.int(1, 20);
}

export function capital(rng: Rng): number {
  return rng.pick([10, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000]);
}
