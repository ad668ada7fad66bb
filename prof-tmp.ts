import { classifyRecord } from './app/core/classify/classify';
const line = process.argv[2] ?? '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency"}}';
let s = 0;
for (let i = 0; i < 5_000_000; i++) s += classifyRecord(line).kind.length;
console.log(s);
