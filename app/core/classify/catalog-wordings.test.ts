import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog/catalog';
import type { CatalogEntry } from '../catalog/types';
import { classifyRecord } from './classify';

/** Realistic values for every placeholder; `unit` follows the wording's language. */
const VALUES: Readonly<Record<string, string>> = {
  method: 'stream', field: 'messages', field1: 'temperature', field2: 'top_p', API_name: '/v4/async/chat',
  request_id: '20260301120000abcdef0123456789', error_id: '202602261029392bc0093d0e944297',
  next_flush_time: '2026-08-31 18:19:41', model_name: 'GLM-4.7', number: '5', unit: 'hour',
};

function fill(template: string): string {
  const zh = /[\u4e00-\u9fff]/.test(template);
  return template.replace(/\$\{(\w+)\}/g, (_m, name: string) => (zh && name === 'unit' ? '小时' : (VALUES[name] ?? name)));
}

function wordingsOf(e: CatalogEntry): [string, string][] {
  return [['english', e.english], ...e.newerEnglish.map((t): [string, string] => ['newer', t]), ...e.chinese.map((t): [string, string] => ['chinese', t])];
}

/** Two codes share some wordings word for word (1318/1320, 1319/1321 in English): text alone gives the first. */
function firstOwner(template: string): CatalogEntry | undefined {
  return CATALOG.find((e) => wordingsOf(e).some(([, t]) => t === template));
}

const ROWS = CATALOG.flatMap((e) => wordingsOf(e).map(([kind, t]) => [e.code, kind, fill(t), e, firstOwner(t)] as const));

describe('every catalog wording', () => {
  it.each(ROWS)('%s %s: %s (with its code)', (code, _kind, text, entry) => {
    const outcome = classifyRecord(JSON.stringify({ error: { code, message: text } }));
    expect(outcome.kind).toBe('catalogued');
    if (outcome.kind !== 'catalogued') return;
    expect(outcome.entry).toBe(entry);
    expect(outcome.details.flags).not.toContain('code_message_mismatch');
    for (const name of entry.params) {
      const value = outcome.details.params[name];
      if (value !== undefined) expect(text).toContain(value);
    }
  });

  it.each(ROWS)('%s %s: %s (text only)', (_code, _kind, text, _entry, owner) => {
    const outcome = classifyRecord(`Error: ${text}`);
    expect(outcome.kind).toBe('catalogued');
    if (outcome.kind !== 'catalogued') return;
    expect(outcome.entry.code).toBe(owner?.code);
    expect(outcome.entry.category).toBe(owner?.category);
    expect(outcome.details.flags).toContain('code_from_text');
  });

  it.each([
    ['1213', 'Parameter messages was not received.', { field: 'messages' }],
    ['1214', 'The messages parameter is illegal. Please check the documentation.', { field: 'messages' }],
    ['1215', 'temperature and top_p cannot be set simultaneously, please check the documentation', { field1: 'temperature', field2: 'top_p' }],
    ['1220', 'You do not have permission to access /v4/async/chat', { API_name: '/v4/async/chat' }],
    ['1212', '当前模型不支持 stream 调用方式', { method: 'stream' }],
    ['1311', '当前订阅套餐暂未开放GLM-5权限', { model_name: 'GLM-5' }],
  ] as const)('%s fills params from %j', (code, message, params) => {
    const outcome = classifyRecord(JSON.stringify({ error: { code, message } }));
    expect(outcome.kind === 'catalogued' ? outcome.details.params : null).toMatchObject(params);
  });
});
