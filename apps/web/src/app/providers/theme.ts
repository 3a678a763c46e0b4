import type { Locale } from '@sealbridge/contracts';
import type { ThemeConfig } from 'antd';

const LATIN = ['-apple-system', 'BlinkMacSystemFont', "'Segoe UI'", "'Helvetica Neue'", 'Arial'];
const CJK = ["'PingFang SC'", "'Hiragino Sans GB'", "'Microsoft YaHei'", "'Noto Sans CJK SC'", "'Source Han Sans SC'"];

/**
 * System fonts only (no web-font download). Chinese puts the CJK faces first so Chinese punctuation and digits
 * match the text; English puts Latin faces first, since CJK fonts draw ’ and “ ” full-width.
 * Mirrors --sb-font in global.css.
 */
export function fontStack(locale: Locale): string {
  const faces = locale === 'en' ? [...LATIN, ...CJK] : [LATIN[0]!, LATIN[1]!, ...CJK, ...LATIN.slice(2)];
  return [...faces, 'sans-serif'].join(', ');
}

/** Ink blue for trust, seal vermilion as the single accent (used sparingly: brand mark, prices). */
export function themeFor(locale: Locale): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1f4396',
      colorLink: '#1f4396',
      colorError: '#c4362c',
      colorTextBase: '#1d2433',
      // WCAG 2.2 AA: secondary text, descriptions and placeholders keep ≥ 4.5:1 on white and on the page grey
      // (antd's defaults derive them as translucent black at 45 % / 25 %, about 2.5:1).
      colorTextSecondary: '#4a5468',
      colorTextTertiary: '#5b6478',
      colorTextDescription: '#5b6478',
      colorTextPlaceholder: '#5b6478',
      colorTextQuaternary: '#5b6478',
      colorSuccess: '#2f7a0f',
      colorWarning: '#a55a00',
      colorInfo: '#1f4396',
      // antd derives the status backgrounds from the (dark) seeds above as greyish tints — success text on its tag
      // was 2.7:1. Light tints of the same hue instead: each status colour on its background keeps ≥ 4.5:1.
      colorSuccessBg: '#f0f7ea',
      colorSuccessBorder: '#b5d69c',
      colorWarningBg: '#fff7e6',
      colorWarningBorder: '#ffd591',
      colorInfoBg: '#eef3fc',
      colorInfoBorder: '#b3c5ea',
      colorErrorBg: '#fdf0ef',
      colorErrorBorder: '#f1b5b0',
      // Hovered danger text darkens instead of paling (antd's derived hover red was 3.9:1 on white).
      colorErrorHover: '#a52a21',
      colorBgLayout: '#f5f6f9',
      borderRadius: 8,
      fontFamily: fontStack(locale),
    },
    components: {
      Layout: { headerBg: '#ffffff', siderBg: '#14254d', headerHeight: 64, headerPadding: '0 24px' },
      Menu: { darkItemBg: '#14254d', darkSubMenuItemBg: '#101e40', darkItemSelectedBg: '#1f4396' },
      Card: { headerFontSize: 16 },
    },
  };
}
