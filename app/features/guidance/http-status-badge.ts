/** What the guidance card's status badge says, and its tooltip: null when there is no status to speak of. */
export interface HttpStatusBadge {
  readonly text: string;
  readonly title: string;
  /** The catalog's usual status only, none seen in the record: drawn apart from an observed one. */
  readonly isUsualOnly: boolean;
}

export interface HttpStatusBadgeInput {
  /** The status the record carried, or null when it had none (an NDJSON line, a pasted body). */
  readonly observed: number | null;
  /** The status the provider usually sends with the code (the catalog's), or null when unknown. */
  readonly usual: number | null;
  /** The usual status is read off the provider's HTTP table, not documented for the code itself. */
  readonly usualInferred?: boolean;
}

/**
 * The catalog's status is never shown as observed: a record without one reads "usually HTTP 429", and one whose
 * status differs says both. httpStatusBadge({ observed: null, usual: 429 }) -> { text: 'usually HTTP 429', … }
 */
export function httpStatusBadge({ observed, usual, usualInferred = false }: HttpStatusBadgeInput): HttpStatusBadge | null {
  const usualNote = `HTTP ${usual} is the status the provider usually sends with this code${usualInferred ? ' (read off its HTTP status table)' : ''}`;
  if (observed !== null && (usual === null || usual === observed)) {
    return { text: `HTTP ${observed}`, title: `The record says HTTP ${observed}.`, isUsualOnly: false };
  }
  if (observed !== null) {
    return { text: `HTTP ${observed} (usually ${usual})`, title: `The record says HTTP ${observed}; ${usualNote}.`, isUsualOnly: false };
  }
  if (usual === null) return null;
  return { text: `usually HTTP ${usual}`, title: `The record has no HTTP status; ${usualNote}.`, isUsualOnly: true };
}
