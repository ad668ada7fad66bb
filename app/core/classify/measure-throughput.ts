/**
 * Throughput of the classifier on three kinds of line (not a test; run by hand):
 *   npx tsx app/core/classify/measure-throughput.ts
 * Lines are slices of one big string, as a line splitter produces them. Best of five rounds.
 */
import { classifyRecord, classifyRecordFull } from './classify';

const LINES: Readonly<Record<string, string>> = {
  'NDJSON error (fast path)': '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency"}}',
  'NDJSON 1308 with reset': '{"ts":"2026-08-31T09:00:00Z","status":429,"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41"}}',
  'plain non-error text': '2026-11-27 10:00:00.123 INFO  worker-3 finished job 48213 in 1308 ms (queue depth 4)',
  'Chinese text only': '429 该模型当前访问量过大，请您稍后再试',
  'JSON non-error': '{"ts":"2026-11-27T10:00:00Z","level":"info","msg":"request completed","status":200,"latency_ms":12}',
};

const COPIES = 1000;

function slicedCopies(line: string): string[] {
  const big = `${line}\n`.repeat(COPIES);
  return Array.from({ length: COPIES }, (_, i) => big.slice(i * (line.length + 1), i * (line.length + 1) + line.length));
}

function measure(name: string, line: string, classify: (text: string) => unknown): void {
  const lines = slicedCopies(line);
  const bytes = new TextEncoder().encode(line).length + 1;
  const n = 400_000;
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let i = 0; i < n; i++) sink += classify(lines[i % COPIES] ?? '') === null ? 0 : 1;
    best = Math.min(best, performance.now() - started);
  }
  const perLine = (best * 1e6) / n;
  const rate = `${((n / best) * 1000 / 1e6).toFixed(2)} M lines/s`;
  console.log(`${name.padEnd(36)} ${perLine.toFixed(0).padStart(6)} ns/line  ${rate.padStart(16)}  ${((bytes * 1000) / perLine).toFixed(0).padStart(5)} MB/s ${sink > 0 ? '' : '?'}`);
}

for (const [name, line] of Object.entries(LINES)) measure(name, line, (t) => classifyRecord(t));
measure('NDJSON error, full path (JSON.parse)', LINES['NDJSON error (fast path)'] ?? '', (t) => classifyRecordFull(t));
measure('reference: JSON.parse alone', LINES['NDJSON error (fast path)'] ?? '', (t) => JSON.parse(t) as unknown);
