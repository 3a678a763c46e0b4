// Addresses are cut after the district: "上海市浦东新区张江路123号" becomes "上海市浦东新区". A district is
// shared by hundreds of thousands of people; the street and number identify a household.

// Province level: the four municipalities, provinces, autonomous regions, HK/Macau SARs.
const PROVINCE = /^(?:北京市?|天津市?|上海市?|重庆市?|[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,6}?自治区|[\u4e00-\u9fff]{2}特别行政区)/;
// Prefecture level. The name may not contain a lower-level marker, so "南山区科技园市场" is not a city.
const PREFECTURE = /^[^\s\d区县旗市省路街道号镇乡村]{1,9}?(?:市|自治州|地区|盟)/;
// County level: districts, counties, banners, county-level cities, forestry areas.
const COUNTY = /^[^\s\d区县旗市省路街道号镇乡村]{1,9}?(?:区|县|旗|市)/;

/** The address up to and including its district, county or county-level city; "******" when none is found. Never throws. */
export function maskAddress(value: string): string {
  const address = typeof value === 'string' ? value.replace(/\s+/g, '') : '';
  let kept = '';
  let rest = address;
  for (const level of [PROVINCE, PREFECTURE, COUNTY]) {
    const match = level.exec(rest);
    if (match) {
      kept += match[0];
      rest = rest.slice(match[0].length);
      if (level === COUNTY) return kept;
    }
  }
  return kept === '' ? '******' : kept;
}
