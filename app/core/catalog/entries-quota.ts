import { defineEntry } from './define-entry';
import { LINK_SETS, LINKS } from './links';
import type { CatalogEntry } from './types';

const SPEND_LIMIT_5H = 'Usage limit reached for the past 5 hours. Extra usage is not available due to monthly spend limit. Resets at ${next_flush_time}.';
const SPEND_LIMIT_7D = 'Usage limit reached for the past 7 days. Extra usage is not available due to monthly spend limit. Resets at ${next_flush_time}.';

/**
 * Quota codes of category "api-policy-block": a hit lasts until a reset (or a renewal for 1309).
 * 1320 / 1321 have the same English copy as 1318 / 1319, so only their Chinese text tells them apart.
 */
export const QUOTA_ENTRIES: readonly CatalogEntry[] = [
  defineEntry({
    code: '1308', category: 'api-policy-block', family: 'quota', http: 429, window: '5-hour', title: 'Usage limit reached',
    english: 'Usage limit reached for . Your limit will reset at ${next_flush_time}',
    newerEnglish: ['Usage limit reached for ${number} ${unit}. Your limit will reset at ${next_flush_time}'],
    chinese: [
      '已达到 ${number} ${unit} 的使用上限。您的限额将在 ${next_flush_time} 重置',
      '已达到 5 小时使用上限，${next_flush_time} 后可继续使用。如需超限额按量付费使用，可联系管理员开启超额按量付费。',
      '已达到 5 小时使用上限，${next_flush_time} 后可继续使用',
    ],
    verdict: 'wait-for-reset', links: LINK_SETS.quota,
    guidance: "The plan's 5-hour window is used up (or the monthly MCP tool quota when the message says 1 month). Wait for the reset time shown; new keys or retries do not help.",
  }),
  defineEntry({
    code: '1309', category: 'api-policy-block', family: 'plan', http: 429, title: 'Coding Plan expired',
    english: 'Your GLM Coding Plan package has expired and is temporarily unavailable. You can resume using it after renewing the subscription on the official website. https://z.ai/subscribe',
    newerEnglish: ['Your GLM Coding Plan package has expired and is temporarily unavailable. You can resume using it after renewing the subscription on the official website.'],
    chinese: ['您的 GLM Coding Plan 套餐已到期，暂无法使用，前往官方续订后即可恢复 https://bigmodel.cn/claude-code', '您的 GLM Coding Plan 套餐已到期，暂无法使用，前往官方续订后即可恢复'],
    verdict: 'renew-plan', links: [LINKS.subscribeEn, LINKS.devpackFaqEn, LINKS.claudeCodeZh, LINKS.faqCodeZh],
    guidance: 'The GLM Coding Plan subscription has ended; nothing works until it is renewed. Renew it at z.ai/subscribe (bigmodel.cn/claude-code for Chinese accounts).',
  }),
  defineEntry({
    code: '1310', category: 'api-policy-block', family: 'quota', http: 429, origin: 'added', window: 'weekly', title: 'Weekly/monthly limit exhausted',
    english: 'Weekly/Monthly Limit Exhausted. Your limit will reset at ${next_flush_time}',
    chinese: ['您已达到每周/每月使用上限，您的限额将在 ${next_flush_time} 重置', '已达到 7 天使用上限，${next_flush_time} 后可继续使用'],
    verdict: 'wait-for-reset', links: LINK_SETS.quota,
    guidance: 'The weekly plan quota is used up (or a monthly MCP tool quota such as web search). Wait for the reset time shown.',
  }),
  defineEntry({
    code: '1316', category: 'api-policy-block', family: 'quota', http: 429, origin: 'added', window: '5-hour', title: '5-hour limit, no balance for overage',
    english: 'Usage limit reached for the past 5 hours. Insufficient balance for extra usage. Resets at ${next_flush_time}.',
    chinese: ['已达到 5 小时使用上限。主账号余额不足，无法使用超额按量付费。您的限额将在 ${next_flush_time} 重置。'],
    verdict: 'wait-for-reset', links: LINK_SETS.quota,
    guidance: 'The 5-hour window is used up and pay-as-you-go overage is impossible because the main account balance is empty. Wait for the reset, or top up the main account to allow overage.',
  }),
  defineEntry({
    code: '1317', category: 'api-policy-block', family: 'quota', http: 429, origin: 'added', window: 'weekly', title: 'Weekly limit, no balance for overage',
    english: 'Usage limit reached for the past 7 days. Insufficient balance for extra usage. Resets at ${next_flush_time}.',
    chinese: ['已达到 7 天使用上限。主账号余额不足，无法使用超额按量付费。'],
    verdict: 'wait-for-reset', links: LINK_SETS.quota,
    guidance: 'The weekly quota is used up and overage is impossible because the main account balance is empty. Wait for the reset, or top up the main account.',
  }),
  defineEntry({
    code: '1318', category: 'api-policy-block', family: 'quota', http: 429, origin: 'added', window: '5-hour', title: '5-hour limit, sub-account spend cap',
    english: SPEND_LIMIT_5H, chinese: ['已达到 5 小时使用上限，且已达子账号月消费上限，无法使用超额按量付费，请联系管理员调整。'],
    verdict: 'wait-for-reset', links: LINK_SETS.quota,
    guidance: "The 5-hour window is used up and the sub-account's monthly spend cap blocks overage. Wait for the reset, or ask the administrator to raise the cap.",
  }),
  defineEntry({
    code: '1319', category: 'api-policy-block', family: 'quota', http: 429, origin: 'added', window: 'weekly', title: 'Weekly limit, sub-account spend cap',
    english: SPEND_LIMIT_7D, chinese: ['已达到 7 天使用上限，且已达子账号月消费上限'],
    verdict: 'wait-for-reset', links: LINK_SETS.quota,
    guidance: "The weekly quota is used up and the sub-account's monthly spend cap blocks overage. Wait for the reset, or ask the administrator to raise the cap.",
  }),
  defineEntry({
    code: '1320', category: 'api-policy-block', family: 'quota', http: 429, origin: 'added', window: '5-hour', title: '5-hour limit, enterprise spend cap',
    english: SPEND_LIMIT_5H, chinese: ['已达到 5 小时使用上限，且已达企业级月消费上限'],
    verdict: 'wait-for-reset', links: LINK_SETS.quota,
    guidance: "The 5-hour window is used up and the enterprise's monthly spend cap blocks overage. Wait for the reset, or ask the enterprise administrator to raise the cap.",
  }),
  defineEntry({
    code: '1321', category: 'api-policy-block', family: 'quota', http: 429, origin: 'added', window: 'weekly', title: 'Weekly limit, enterprise spend cap',
    english: SPEND_LIMIT_7D, chinese: ['已达到 7 天使用上限，且已达企业级月消费上限'],
    verdict: 'wait-for-reset', links: LINK_SETS.quota,
    guidance: "The weekly quota is used up and the enterprise's monthly spend cap blocks overage. Wait for the reset, or ask the enterprise administrator to raise the cap.",
  }),
];
