import assert from 'node:assert/strict';
import { test } from 'node:test';
import { themeFor } from './theme.ts';

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test('every status colour keeps 4.5:1 on its own tag and alert background, in both languages', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    const token = themeFor(locale).token as Record<string, string>;
    for (const status of ['Success', 'Warning', 'Info', 'Error']) {
      const text = token[`color${status}`];
      const background = token[`color${status}Bg`];
      assert.ok(text && background, `${status} has a colour and a background in the theme`);
      const ratio = contrast(text, background);
      assert.ok(ratio >= 4.5, `${locale} ${status}: ${text} on ${background} is ${ratio.toFixed(2)}:1`);
    }
  }
});

test('secondary, tertiary and placeholder text keep 4.5:1 on white and on the page grey', () => {
  const token = themeFor('zh-CN').token as Record<string, string>;
  for (const key of ['colorTextSecondary', 'colorTextTertiary', 'colorTextDescription', 'colorTextPlaceholder']) {
    for (const background of ['#ffffff', token['colorBgLayout'] ?? '']) {
      const ratio = contrast(token[key] ?? '', background);
      assert.ok(ratio >= 4.5, `${key} on ${background} is ${ratio.toFixed(2)}:1`);
    }
  }
});
