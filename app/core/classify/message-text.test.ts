import { describe, expect, it } from 'vitest';
import { classifyRecord } from './classify';
import { languageOf } from './message-text';

describe('languageOf', () => {
  it.each([
    ['该模型当前访问量过大，请您稍后再试', 'zh'],
    ['Rate limit reached for requests', 'en'],
    ['Your GLM Coding Plan package has expired. https://z.ai/subscribe。', 'en'],
    ['Rate limit「1302」，', 'en'],
    ['Plan expired: 请续订', 'zh'],
  ])('%s → %s', (message, language) => expect(languageOf(message)).toBe(language));
});

it("the catalog's English 1309, which ends in a Chinese full stop, is English: its guidance links to z.ai", () => {
  const text =
    '{"error":{"code":"1309","message":"Your GLM Coding Plan package has expired and is temporarily unavailable. You can resume using it after renewing the subscription on the official website. https://z.ai/subscribe。"}}';
  const outcome = classifyRecord(text);
  expect(outcome.kind).toBe('catalogued');
  if (outcome.kind === 'catalogued') expect(outcome.details.language).toBe('en');
});
