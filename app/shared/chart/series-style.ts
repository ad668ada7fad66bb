import { CATEGORY_LABELS } from '../../core/catalog/labels';
import type { TrendSeriesKey } from '../../core/aggregate';

/** Series colours come from CSS variables (light and dark); the hex is only a fallback for exports. */
export const TREND_SERIES_STYLE: Readonly<Record<TrendSeriesKey, { label: string; cssVar: string; fallback: string }>> = {
  basic: { label: CATEGORY_LABELS.basic, cssVar: '--cat-basic', fallback: '#64748b' },
  authentication: { label: CATEGORY_LABELS.authentication, cssVar: '--cat-authentication', fallback: '#dc2626' },
  account: { label: CATEGORY_LABELS.account, cssVar: '--cat-account', fallback: '#d97706' },
  'api-call': { label: CATEGORY_LABELS['api-call'], cssVar: '--cat-api-call', fallback: '#2563eb' },
  'api-policy-block': { label: CATEGORY_LABELS['api-policy-block'], cssVar: '--cat-api-policy-block', fallback: '#7c3aed' },
  uncatalogued: { label: 'Uncatalogued', cssVar: '--uncatalogued', fallback: '#0f766e' },
};

/** A small, colour-blind-friendly palette for per-code series (Okabe–Ito order). */
export const CODE_PALETTE = ['#e69f00', '#0072b2', '#d55e00', '#cc79a7', '#009e73', '#56b4e9', '#f0e442', '#999999'] as const;

const FIXED_CODE_COLORS: Readonly<Record<string, string>> = {
  '1308': '#e69f00',
  '1302': '#0072b2',
  '1304': '#d55e00',
  '1310': '#cc79a7',
  '1305': '#009e73',
  '1303': '#56b4e9',
  other: '#999999',
};

/**
 * The colours of the per-code series: the throttling and quota codes keep one colour each in every view (1308
 * is orange whether it is the first series or the third), other codes take the palette's colours left, in order.
 * codeColors(['1308', '1302', '1999', 'other']) -> ['#e69f00', '#0072b2', '#d55e00', '#999999']
 */
export function codeColors(codes: readonly string[]): string[] {
  const fixed = new Set(codes.flatMap((code) => FIXED_CODE_COLORS[code] ?? []));
  const free = CODE_PALETTE.filter((color) => !fixed.has(color));
  let next = 0;
  return codes.map((code) => FIXED_CODE_COLORS[code] ?? free[next++ % free.length] ?? '#999999');
}

/**
 * A per-code colour as the page draws it: the stylesheet's `--code-<hex>`, deepened on white and lightened on the
 * dark panel; the hex itself is what an exported chart keeps. codeColorClass('#0072b2') -> 'code-0072b2'
 */
export function codeColorClass(hex: string): string {
  return `code-${hex.replace('#', '').toLowerCase()}`;
}

export function codeColorVar(hex: string): string {
  return `var(--${codeColorClass(hex)}, ${hex})`;
}
