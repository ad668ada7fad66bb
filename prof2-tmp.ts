import { classifyRecord } from './app/core/classify/classify';
import { scanFastLine } from './app/core/classify/fast-scan';
const line = '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency"}}';
function time(name: string, f: () => unknown, n = 2_000_000) {
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < n; i++) s += f() ? 1 : 0;
    const dt = performance.now() - t0;
    if (r === 2) console.log(name.padEnd(12), ((dt * 1e6) / n).toFixed(0), 'ns', s > 0 ? '' : '');
  }
}
time('classify', () => classifyRecord(line));
time('scan', () => scanFastLine(line));
time('regex', () => /[\u0000-\u001f\\]/.test(line));
time('parse', () => JSON.parse(line));
