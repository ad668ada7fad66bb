import { EDGE_SAMPLES } from './samples-edge';
import { ENVELOPE_SAMPLES } from './samples-envelopes';
import { TEXT_SAMPLES } from './samples-text';
import type { ClassifierSample } from './sample-types';

export type { ClassifierSample } from './sample-types';

/**
 * Realistic records with their expected outcome: every envelope, client log shape, look-alike and hostile
 * case the provider notes and RELIABILITY section 3 describe. Shapes are as reported; ids, times and
 * model names are illustrative. Used by the classifier tests, the demo data and the end-to-end tests.
 */
export const CLASSIFIER_SAMPLES: readonly ClassifierSample[] = [...ENVELOPE_SAMPLES, ...TEXT_SAMPLES, ...EDGE_SAMPLES];

/** The look-alikes: records that must never be catalogued. */
export const LOOKALIKE_SAMPLES: readonly ClassifierSample[] = EDGE_SAMPLES.filter((s) => s.id.startsWith('lookalike-'));
