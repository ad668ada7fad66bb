import { classifyRecord } from './app/core/classify/classify';
const cases: Record<string, string> = {
  ndjson: '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency"}}',
  plain: '2026-11-27 10:00:00.123 INFO  worker-3 finished job 48213 in 1308 ms (queue depth 4)',
  plainRequest: '2026-11-27 10:00:00.123 INFO  request completed: GET /api/v1/models 200 in 12 ms',
  chinese: '429 该模型当前访问量过大，请您稍后再试',
  jsonNonError: '{"ts":"2026-11-27T10:00:00Z","level":"info","msg":"request completed","status":200,"latency_ms":12}',
  bracket: 'API Error: Request rejected (429) · [1308][Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41][20260831171941958b81c5b1234255]',
  ndjson1308: '{"ts":"2026-08-31T09:00:00Z","status":429,"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41"}}',
};
for (const [name, line] of Object.entries(cases)) {
  const n = name.startsWith('ndjson') || name.startsWith('plain') || name === 'jsonNonError' ? 2_000_000 : 200_000;
  const lines = Array.from({ length: 1000 }, (_, i) => line.replace('10:00:00', `10:${String(i % 60).padStart(2, '0')}:00`));
  let sink = 0;
  for (let r = 0; r < 2; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += classifyRecord(lines[i % 1000]!).kind.length;
    const dt = (performance.now() - t0) / 1000;
    if (r === 1) console.log(name.padEnd(14), `${(n / dt / 1e6).toFixed(2)} M lines/s`, `${((n * Buffer.byteLength(line)) / dt / 1e6).toFixed(0)} MB/s`, `${((dt / n) * 1e9).toFixed(0)} ns/line`, sink > 0 ? '' : '!');
  }
}
