import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { caseToJson, ingestCase } from './ingest-cases';
import { INGEST_PROPERTIES } from './ingest-properties';

/**
 * `npm run fuzz -- [--seconds N] [--only NAME]`: runs the ingest properties on fresh random files until the
 * time is up (default 60 s), each batch with a seed of its own. A failing case is shrunk and kept in
 * app/fuzz/findings/, where `npm test` replays it from then on; the command then exits with 1.
 */
const FINDINGS = new URL('./findings/', import.meta.url);
const BATCH_RUNS = 100;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const seconds = Number(argument('seconds') ?? 60);
const only = argument('only');
const properties = INGEST_PROPERTIES.filter((p) => only === undefined || p.name === only);
if (!(seconds > 0) || properties.length === 0) {
  console.error(`usage: npm run fuzz -- [--seconds N] [--only ${INGEST_PROPERTIES.map((p) => p.name).join('|')}]`);
  process.exit(2);
}

const deadline = Date.now() + seconds * 1000;
const runs = new Map<string, number>();
// A property that failed once is left alone: its next batches would mostly find the same fault again.
const failed = new Set<string>();
let failures = 0;
while (Date.now() < deadline && failed.size < properties.length) {
  for (const property of properties) {
    if (Date.now() >= deadline) break;
    if (failed.has(property.name)) continue;
    const seed = (Math.random() * 2 ** 31) | 0;
    const details = fc.check(fc.property(ingestCase, (c) => property.check(c)), { seed, numRuns: BATCH_RUNS });
    runs.set(property.name, (runs.get(property.name) ?? 0) + details.numRuns);
    if (!details.failed || details.counterexample === null) continue;
    failures += 1;
    failed.add(property.name);
    const [found] = details.counterexample;
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    mkdirSync(FINDINGS, { recursive: true });
    const file = new URL(`${property.name}-${seed}.json`, FINDINGS);
    writeFileSync(file, `${JSON.stringify({ property: property.name, seed, error, case: caseToJson(found) }, null, 1)}\n`);
    console.log(`FAIL ${property.name} (seed ${seed}): ${error.split('\n')[0]}\n  kept in ${file.pathname}`);
  }
}
for (const property of properties) console.log(`${property.name}: ${runs.get(property.name) ?? 0} files`);
console.log(failures === 0 ? 'no failure' : `${failures} failing cases kept in app/fuzz/findings/`);
process.exit(failures === 0 ? 0 : 1);
