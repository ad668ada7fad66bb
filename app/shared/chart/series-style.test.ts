import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_PALETTE, codeColorClass, codeColors, TREND_SERIES_STYLE } from './series-style';

const css = readFileSync(new URL('../../styles.css', import.meta.url), 'utf8');

/** The light and dark colours of a CSS variable declared as `--name: light-dark(#light, #dark);`. */
function colours(cssVar: string): [string, string] {
  const match = new RegExp(`${cssVar}:\\s*light-dark\\(\\s*(#[0-9a-f]+)\\s*,\\s*(#[0-9a-f]+)\\s*\\)`, 'i').exec(css);
  if (match === null) throw new Error(`${cssVar} is not declared as light-dark(#…, #…)`);
  return [match[1]!.toLowerCase(), match[2]!.toLowerCase()];
}

describe('series colours', () => {
  it.each([['light', 0], ['dark', 1]] as const)('tell every series of the trend chart apart, in the %s theme', (_name, theme) => {
    const used = Object.values(TREND_SERIES_STYLE).map((style) => colours(style.cssVar)[theme]);
    // Uncatalogued once took the warning colour, the account category's amber in the dark theme.
    expect(new Set(used).size).toBe(used.length);
  });
});

describe('per-code colours', () => {
  it('keep a quota or throttling code in one colour whatever its rank in the chart', () => {
    const first = codeColors(['1308', '1302', 'other']);
    const third = codeColors(['1302', '1305', '1308', 'other']);
    expect(first[0]).toBe(third[2]);
    expect(first[1]).toBe(third[0]);
  });

  it('give other codes the colours the fixed ones leave, so no two series of a chart share one', () => {
    const codes = ['1308', '1999', '1302', '1998', '1997', 'other'];
    const colors = codeColors(codes);
    expect(new Set(colors).size).toBe(codes.length);
    expect(colors.every((color) => (CODE_PALETTE as readonly string[]).includes(color))).toBe(true);
  });
});

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

describe('per-code colours on the page', () => {
  it.each([['light', 0], ['dark', 1]] as const)('stand out from the panel (3:1 or more) and from each other, in the %s theme', (_name, theme) => {
    const panel = colours('--panel')[theme];
    const drawn = CODE_PALETTE.map((hex) => colours(`--${codeColorClass(hex)}`)[theme]);
    for (const colour of drawn) expect(contrast(colour, panel)).toBeGreaterThanOrEqual(3);
    expect(new Set(drawn).size).toBe(CODE_PALETTE.length);
    // Each drawn in its series: a rule fills the series' paths with its variable.
    for (const hex of CODE_PALETTE) expect(css).toContain(`.${codeColorClass(hex)} path { fill: var(--${codeColorClass(hex)}); }`);
  });
});
