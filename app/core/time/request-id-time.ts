import { civilToInstant } from './civil';
import { PROVIDER_OFFSET_MINUTES } from './provider-stamp';

/** Z.ai request / error ids: `yyyyMMddHHmmss` (Beijing wall time) + 16 hex digits, 30 characters. */
const ZAI_REQUEST_ID = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})[0-9a-f]{16}$/i;

/**
 * The instant a Z.ai request id was minted, or null when the id is not of that shape or not a real date.
 * timestampFromRequestId('20251110185613958b81c5b1234255') -> Date.parse('2025-11-10T10:56:13Z')
 */
export function timestampFromRequestId(id: string): number | null {
  if (id.length !== 30) return null;
  const m = ZAI_REQUEST_ID.exec(id);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return civilToInstant({ year, month, day, hour, minute, second, millisecond: 0 }, PROVIDER_OFFSET_MINUTES);
}
