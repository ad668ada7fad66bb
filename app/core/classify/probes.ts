import { CATALOG } from '../catalog/catalog';

/**
 * Cheap test that a message uses one of its code's own wordings: the first 20 characters of each
 * wording's opening literal, found verbatim (case and spacing as the provider writes them). Used before
 * the normalised comparison so the common case of the code-versus-message check costs a few indexOf calls.
 */
const PROBE_CHARS = 20;
const MIN_PROBE_CHARS = 6;

function probesOf(templates: readonly string[]): string[] {
  const probes = templates
    .map((t) => (t.split(/\$\{\w+\}/).find((part) => part.trim().length >= MIN_PROBE_CHARS) ?? '').trim().slice(0, PROBE_CHARS))
    .filter((p) => p.length >= MIN_PROBE_CHARS);
  return [...new Set(probes)];
}

const PROBES: ReadonlyMap<string, readonly string[]> = new Map(CATALOG.map((e) => [e.code, probesOf([e.english, ...e.newerEnglish, ...e.chinese])]));

/** hasOwnProbe('1302', 'High concurrency usage of this API, please reduce concurrency') -> true */
export function hasOwnProbe(code: string, message: string): boolean {
  const probes = PROBES.get(code);
  if (probes === undefined) return false;
  for (const probe of probes) if (message.indexOf(probe) >= 0) return true;
  return false;
}
