import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_PALETTE, codeColors, TREND_SERIES_STYLE } from './series-style';

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
