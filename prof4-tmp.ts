import { parseIsoUtcFast } from './app/core/time/log-timestamp';
const line = '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency"}}';
const ts = line.slice(7, 27);
const flat = '2026-11-27T10:00:00Z';
function time(name: string, f: () => unknown, n = 4_000_000) {
  let best = 1e9;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < n; i++) s += f() ? 1 : 0;
    best = Math.min(best, performance.now() - t0);
  }
  console.log(name.padEnd(12), ((best * 1e6) / n).toFixed(1), 'ns');
}
time('isoSliced', () => parseIsoUtcFast(ts));
time('isoFlat', () => parseIsoUtcFast(flat));
time('loop126', () => { let s = 0; for (let i = 0; i < line.length; i++) s += line.charCodeAt(i); return s; });
time('parse', () => JSON.parse(line));
