import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { caseFromJson, ingestCase } from './ingest-cases';
import { INGEST_PROPERTIES } from './ingest-properties';

const FINDINGS = new URL('./findings/', import.meta.url);

describe('ingest properties on the real classifier', () => {
  it.each(INGEST_PROPERTIES.map((p) => [p.name, p] as const))('%s', (_name, property) => {
    fc.assert(fc.property(ingestCase, (c) => property.check(c)), { numRuns: 150 });
  });
});

describe('cases the fuzzer found (npm run fuzz) hold now', () => {
  const findings = readdirSync(FINDINGS).filter((name) => name.endsWith('.json'));
  it.each(findings)('%s', (name) => {
    const finding = JSON.parse(readFileSync(new URL(name, FINDINGS), 'utf8')) as { property: string; case: unknown };
    const property = INGEST_PROPERTIES.find((p) => p.name === finding.property);
    if (property === undefined) throw new Error(`${name}: no property named ${finding.property}`);
    property.check(caseFromJson(finding.case));
  });
});
