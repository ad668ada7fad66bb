import { parseIsoUtcFast } from './app/core/time/log-timestamp';
import { eventTime } from './app/core/classify/event-time';
import { cleanMessage, languageOf } from './app/core/classify/message-text';
import { hasOwnProbe } from './app/core/classify/probes';
import { lookupCode } from './app/core/catalog/catalog';
const msg = 'High concurrency usage of this API, please reduce concurrency';
const line = '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency"}}';
const m2 = line.slice(75, 75+61);
function time(name: string, f: () => unknown, n = 2_000_000) {
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    let s = 0;
    for (let i = 0; i < n; i++) s += f() ? 1 : 0;
    const dt = performance.now() - t0;
    if (r === 2) console.log(name.padEnd(12), ((dt * 1e6) / n).toFixed(0), 'ns');
  }
}
time('iso', () => parseIsoUtcFast('2026-11-27T10:00:00Z'));
time('date.utc', () => Date.UTC(2026, 10, 27, 10, 0, 0, 0));
time('eventTime', () => eventTime('2026-11-27T10:00:00Z', null, 0));
time('clean', () => cleanMessage(m2));
time('lang', () => languageOf(m2));
time('langRe', () => /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufeff]/.test(m2));
time('probe', () => hasOwnProbe('1302', m2));
time('lookup', () => lookupCode('1302'));
time('indexOfBS', () => line.indexOf('\\'));
time('alloc', () => ({ a: 1, b: 2, c: [1], d: {} }));
