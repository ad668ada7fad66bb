import { defineEntry } from './define-entry';
import { LINK_SETS } from './links';
import type { CatalogEntry } from './types';

/** Category "account" (1100–1121). HTTP 429 is inferred from the HTTP table except for 1113. */
export const ACCOUNT_ENTRIES: readonly CatalogEntry[] = [
  defineEntry({
    code: '1100', category: 'account', family: 'account', http: 429, httpInferred: true, title: 'Account read/write error',
    english: 'Account Read/Write', chinese: ['账户读写'],
    verdict: 'contact-support', links: LINK_SETS.account,
    guidance: 'The provider could not read or write the account record. Retry once later; if it repeats, contact support with the request id.',
  }),
  defineEntry({
    code: '1110', category: 'account', family: 'account', http: 429, httpInferred: true, title: 'Account inactive',
    english: 'Your account is currently inactive. Please check your account information', chinese: ['您的账户当前处于非活动状态。请检查账户信息'],
    verdict: 'contact-support', links: LINK_SETS.account,
    guidance: 'The account is not active (e.g. verification unfinished or suspended). Check the account page; if nothing is pending there, contact support.',
  }),
  defineEntry({
    code: '1111', category: 'account', family: 'account', http: 429, httpInferred: true, title: 'Account does not exist',
    english: 'Your account does not exist', chinese: ['您的账户不存在'],
    verdict: 'fix-key', links: LINK_SETS.account,
    guidance: 'The key points to no account, usually a key of the other platform: z.ai (international) and bigmodel.cn (China) accounts are separate. Use a key from the site whose endpoint you call.',
  }),
  defineEntry({
    code: '1112', category: 'account', family: 'account', http: 429, httpInferred: true, title: 'Account locked',
    english: 'Your account has been locked, please contact customer service to unlock', chinese: ['您的账户已被锁定，请联系客服解锁'],
    verdict: 'contact-support', links: LINK_SETS.account,
    guidance: 'The account is locked; no retry or new key helps. Contact customer service to unlock it.',
  }),
  defineEntry({
    code: '1113', category: 'account', family: 'billing', http: 429, title: 'Insufficient balance',
    english: 'Your account is in arrears, please recharge and try again',
    newerEnglish: ['Insufficient balance or no resource package. Please recharge.'],
    chinese: ['您的账户已欠费，请充值后重试', '余额不足或无可用资源包,请充值。'],
    verdict: 'pay', links: LINK_SETS.billing,
    guidance: 'Usually a GLM Coding Plan key used on the pay-as-you-go endpoint `/api/paas/v4` or the reverse; Coding Plan uses `/api/coding/paas/v4` (or `/api/anthropic` for Claude Code). Check the base URL before paying; otherwise top up the balance.',
  }),
  defineEntry({
    code: '1120', category: 'account', family: 'account', http: 429, httpInferred: true, title: 'Account temporarily unreachable',
    english: 'Unable to successfully access your account, please try again later', chinese: ['无法成功访问您的账户，请稍后重试'],
    verdict: 'retry-later', links: LINK_SETS.account,
    guidance: 'A temporary failure to load the account on the provider side. Retry in a few minutes; contact support if it lasts.',
  }),
  defineEntry({
    code: '1121', category: 'account', family: 'account', http: 429, httpInferred: true, title: 'Account locked for irregular activity',
    english: 'Account has irregular activities and has been locked', chinese: ['账户存违规行为，账号已被锁定'],
    verdict: 'contact-support', links: LINK_SETS.account,
    guidance: 'The account was locked for activity the provider considers a violation. Only support can review and unlock it.',
  }),
];
