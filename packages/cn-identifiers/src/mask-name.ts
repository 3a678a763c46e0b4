// Chinese names are shown as surname + one star per hidden character. Compound surnames (复姓) stay whole:
// "欧阳**" tells staff how to address the person; "欧***" would not.

// The compound surnames of the 百家姓 and the common modern ones.
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 公冶 太叔 ' +
    '申屠 公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 ' +
    '乐正 宰父 谷梁 拓跋 夹谷 轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 公户 公玉 公仪 梁丘 公仲 公上 ' +
    '公门 公山 公坚 左丘 公伯 西门 公祖 第五 公乘 贯丘 公皙 南荣 东里 东宫 仲长 子书 子桑 即墨 达奚 褚师'
  ).split(' '),
);

/** "张*", "张**", "欧阳**"; Latin names keep their first letter ("J***"); junk gives "**". Never throws. */
export function maskName(value: string): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '') return '**';
  if (/^[A-Za-z]/.test(name)) return `${name[0]}***`;
  const chars = Array.from(name);
  if (chars.length === 1) return '*';
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
