import type { CatalogEntry, QuotaWindow } from '../catalog/types';
import type { RecordFlag, ResetInfo } from './outcome';
import { windowFor } from './quota-window';
import { readReset } from './reset';

export interface QuotaInput {
  readonly entry: CatalogEntry;
  readonly message: string;
  readonly params: Readonly<Record<string, string>>;
  readonly eventAt: number | null;
  readonly providerOffsetMinutes: number;
}

export interface QuotaDetails {
  readonly window: QuotaWindow | null;
  readonly reset: ResetInfo | null;
  readonly params: Readonly<Record<string, string>>;
  readonly flags: readonly RecordFlag[];
}

/** Window, reset and `next_flush_time` of a quota hit (codes with a window); null for other codes. */
export function quotaDetails({ entry, message, params, eventAt, providerOffsetMinutes }: QuotaInput): QuotaDetails | null {
  if (entry.window === null) return null;
  const window = windowFor(entry, message, params);
  const found = readReset({ message, captured: params['next_flush_time'], eventAt, window, providerOffsetMinutes });
  if (found === null) return { window, reset: null, params, flags: [] };
  return { window, reset: found.reset, params: { ...params, next_flush_time: found.reset.raw }, flags: found.flags };
}

