/**
 * Caps that keep a hostile or accidental URL from hanging the page (RELIABILITY G4). A link longer than
 * these caps is still read; the excess is ignored and reported once.
 */
export const LIMITS = {
  /** Characters of the query string read; cut at the last `&` before the cap. */
  searchChars: 8192,
  /** Parameters read (name=value pairs). */
  params: 64,
  codes: 100,
  sources: 64,
  qChars: 200,
  streamChars: 2048,
  /** Dropped entries reported; the rest are summarised in one last entry. */
  dropped: 20,
  /** Characters of an invalid value quoted in a dropped entry. */
  droppedValueChars: 100,
} as const;

/** Instants outside [1970-01-01, 10000-01-01) are rejected: logs come from this era and ISO needs 4 digits. */
export const EARLIEST_INSTANT = 0;
export const LATEST_INSTANT = Date.UTC(10000, 0, 1);
