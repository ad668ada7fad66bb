import { ERROR_TEMPLATES, ORDINARY_TEMPLATES, formatBeijing, nextRandom, requestIdAt, type DemoContext } from './demo-records';

export interface DemoBatch {
  /** One to three log lines, each a record to classify like a file line. */
  readonly records: readonly string[];
  /** Wait this long before asking for the next batch. */
  readonly delayMs: number;
  /** Pass back as `seed` for the next batch. */
  readonly seed: number;
}

/** About 40 % of demo lines are API errors; the rest are ordinary log lines. */
const ERROR_SHARE = 0.4;

/**
 * The `stream=demo` source as a pure function: the same (seed, now) always gives the same batch.
 * Example: `let s = 1; const b = nextDemoBatch({ seed: s, now }); s = b.seed; setTimeout(next, b.delayMs);`
 */
export function nextDemoBatch({ seed, now }: { seed: number; now: number }): DemoBatch {
  let state = seed >>> 0;
  const draw = (): number => {
    const [value, next] = nextRandom(state);
    state = next;
    return value;
  };
  const count = 1 + Math.floor(draw() * 3);
  const records: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = now + i * 7;
    const hex = Math.floor(draw() * 0xffffffff).toString(16).padStart(8, '0') + Math.floor(draw() * 0xffffffff).toString(16).padStart(8, '0');
    const context: DemoContext = {
      now: at,
      requestId: requestIdAt(at, hex),
      reset: formatBeijing(at + 3600_000 + Math.floor(draw() * 230 * 60_000)),
      latencyMs: 200 + Math.floor(draw() * 4000),
    };
    const table = draw() < ERROR_SHARE ? ERROR_TEMPLATES : ORDINARY_TEMPLATES;
    const template = table[Math.floor(draw() * table.length)] ?? ORDINARY_TEMPLATES[0];
    if (template !== undefined) records.push(template(context));
  }
  return { records, delayMs: 300 + Math.floor(draw() * 1700), seed: state };
}
