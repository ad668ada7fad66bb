import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_CODES, isCatalogCode, lookupCode } from './catalog';
import { isCategory, isFamily, isParamName, isQuotaWindow, isVerdict } from './guards';
import { CATEGORY_LABELS, FAMILY_LABELS, VERDICT_LABELS } from './labels';
import { CATEGORIES, FAMILIES, VERDICTS } from './types';

/** Every code of error-codes.txt, the catalog as first published. */
const PUBLISHED = ['500', '1000', '1001', '1002', '1003', '1004', '1100', '1110', '1111', '1112', '1113', '1120', '1121', '1200', '1210', '1211', '1212', '1213', '1214', '1215', '1220', '1221', '1222', '1230', '1231', '1234', '1300', '1301', '1302', '1303', '1304', '1308', '1309'];
/** Codes the provider added later (README). */
const ADDED = ['1005', '401', '1261', '1305', '1310', '1311', '1312', '1313', '1314', '1315', '1316', '1317', '1318', '1319', '1320', '1321'];

describe('CATALOG', () => {
  it('holds every published and every added code exactly once', () => {
    expect([...CATALOG_CODES].sort()).toEqual([...PUBLISHED, ...ADDED].sort());
    expect(new Set(CATALOG_CODES).size).toBe(CATALOG.length);
  });

  const ORIGINS: [string, 'published' | 'added'][] = [...PUBLISHED.map((c): [string, 'published'] => [c, 'published']), ...ADDED.map((c): [string, 'added'] => [c, 'added'])];
  it.each(ORIGINS)('%s is %s', (code, origin) => {
    expect(lookupCode(code)?.origin).toBe(origin);
  });

  it.each(CATALOG.map((e) => [e.code, e] as const))('%s is a well-formed entry', (_code, e) => {
    expect(isCategory(e.category) && isFamily(e.family) && isVerdict(e.verdict)).toBe(true);
    expect(e.window === null || isQuotaWindow(e.window)).toBe(true);
    expect(e.params.every(isParamName)).toBe(true);
    expect(e.title.length).toBeGreaterThan(3);
    expect(e.english.length).toBeGreaterThan(3);
    expect(e.http === null || (e.http >= 400 && e.http <= 599)).toBe(true);
    expect(e.guidance.split(/(?<=[.!?])\s+(?=[A-Z])/).length).toBeLessThanOrEqual(2);
    expect(e.links.length).toBeGreaterThan(0);
    for (const t of [e.english, ...e.newerEnglish, ...e.chinese]) expect(t).not.toMatch(/\$\{(?!(?:method|field|field1|field2|API_name|request_id|error_id|next_flush_time|model_name|number|unit)\})/);
    expect(Object.isFrozen(e) && Object.isFrozen(e.links) && Object.isFrozen(e.chinese)).toBe(true);
  });

  it.each([
    ['500', 'basic'], ['1000', 'authentication'], ['1005', 'authentication'], ['401', 'authentication'], ['1113', 'account'],
    ['1210', 'api-call'], ['1261', 'api-call'], ['1301', 'api-policy-block'], ['1305', 'api-policy-block'], ['1310', 'api-policy-block'],
    ['1313', 'api-policy-block'], ['1321', 'api-policy-block'],
  ])('%s is in category %s', (code, category) => expect(lookupCode(code)?.category).toBe(category));

  it.each([
    ['500', 'retry-later'], ['1200', 'retry-later'], ['1230', 'retry-later'], ['1234', 'contact-support'],
    ['1000', 'fix-key'], ['1001', 'fix-key'], ['1002', 'fix-key'], ['1003', 'fix-key'], ['1004', 'fix-key'], ['1005', 'fix-key'], ['401', 'fix-key'],
    ['1100', 'contact-support'], ['1110', 'contact-support'], ['1112', 'contact-support'], ['1121', 'contact-support'], ['1113', 'pay'],
    ['1210', 'fix-request'], ['1211', 'fix-request'], ['1214', 'fix-request'], ['1222', 'fix-request'], ['1261', 'fix-request'], ['1220', 'fix-key'],
    ['1231', 'slow-down'], ['1301', 'fix-request'], ['1302', 'slow-down'], ['1303', 'slow-down'], ['1305', 'slow-down'], ['1312', 'slow-down'],
    ['1313', 'contact-support'], ['1304', 'wait-for-reset'], ['1308', 'wait-for-reset'], ['1310', 'wait-for-reset'], ['1316', 'wait-for-reset'],
    ['1317', 'wait-for-reset'], ['1318', 'wait-for-reset'], ['1319', 'wait-for-reset'], ['1320', 'wait-for-reset'], ['1321', 'wait-for-reset'],
    ['1309', 'renew-plan'], ['1311', 'fix-request'], ['1314', 'contact-support'], ['1315', 'fix-key'],
  ])('%s -> verdict %s', (code, verdict) => expect(lookupCode(code)?.verdict).toBe(verdict));

  it.each([
    ['1308', '5-hour'], ['1310', 'weekly'], ['1316', '5-hour'], ['1318', '5-hour'], ['1320', '5-hour'],
    ['1317', 'weekly'], ['1319', 'weekly'], ['1321', 'weekly'], ['1302', null], ['1304', null], ['1309', null],
  ])('%s -> window %s', (code, window) => expect(lookupCode(code)?.window).toBe(window));

  it.each([
    ['1113', 429, false], ['1211', 400, false], ['1220', 403, false], ['1234', 500, false], ['1002', 401, true], ['1100', 429, true], ['1231', null, false],
  ])('%s -> HTTP %s (inferred: %s)', (code, http, inferred) => {
    expect(lookupCode(code)?.http).toBe(http);
    expect(lookupCode(code)?.httpInferred).toBe(inferred);
  });

  it('keeps the templates as published, with placeholders', () => {
    expect(lookupCode('1308')?.english).toBe('Usage limit reached for . Your limit will reset at ${next_flush_time}');
    expect(lookupCode('1308')?.params).toEqual(['next_flush_time', 'number', 'unit']);
    expect(lookupCode('1215')?.params).toEqual(['field1', 'field2']);
    expect(lookupCode('1113')?.guidance).toContain('/api/coding/paas/v4');
  });
});

describe('lookupCode', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '', '1399', '１３０８', ' 1308'])('%j -> undefined', (code) => {
    expect(lookupCode(code)).toBeUndefined();
    expect(isCatalogCode(code)).toBe(false);
  });
});

describe('labels and guards', () => {
  it('label every member of every closed set', () => {
    expect(Object.keys(CATEGORY_LABELS).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.keys(VERDICT_LABELS).sort()).toEqual([...VERDICTS].sort());
    expect(Object.keys(FAMILY_LABELS).sort()).toEqual([...FAMILIES].sort());
    expect(VERDICT_LABELS['wait-for-reset']).toBe('Wait for the reset');
  });

  it.each([
    [isCategory, 'api-call', true], [isCategory, 'toString', false], [isVerdict, 'pay', true], [isVerdict, 42, false],
    [isFamily, 'quota', true], [isFamily, '__proto__', false], [isQuotaWindow, 'monthly', true], [isQuotaWindow, 'daily', false],
    [isParamName, 'next_flush_time', true], [isParamName, 'constructor', false],
  ] as const)('%o(%j) -> %s', (guard, value, expected) => expect(guard(value)).toBe(expected));
});
