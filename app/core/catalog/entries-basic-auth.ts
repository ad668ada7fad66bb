import { defineEntry } from './define-entry';
import { LINK_SETS } from './links';
import type { CatalogEntry } from './types';

/** Category "basic" (500) and "authentication" (1000–1005, plus the gateway's string code "401"). */
export const BASIC_AUTH_ENTRIES: readonly CatalogEntry[] = [
  defineEntry({
    code: '500', category: 'basic', family: 'server', http: 500, title: 'Internal server error',
    english: 'Internal Error', chinese: ['内部错误'],
    verdict: 'retry-later', links: LINK_SETS.reference,
    guidance: 'The provider failed on its side; the request itself is probably fine. Retry after a short pause; if it persists, try again later or another model.',
  }),
  defineEntry({
    code: '1000', category: 'authentication', family: 'auth', http: 401, title: 'Authentication failed',
    english: 'Authentication Failed', chinese: ['身份验证失败'],
    verdict: 'fix-key', links: LINK_SETS.auth,
    guidance: 'The API key was rejected. Check that the whole key was copied, that it was not deleted, and that it belongs to the site you call (z.ai and bigmodel.cn keys are separate).',
  }),
  defineEntry({
    code: '1001', category: 'authentication', family: 'auth', http: 401, title: 'No API key sent',
    english: 'Authentication parameter not received in Header, unable to authenticate',
    chinese: ['Header 中未收到 Authentication 参数，无法进行身份验证', 'Header中未收到Authorization参数，无法进行身份验证。'],
    verdict: 'fix-key', links: LINK_SETS.auth,
    guidance: 'No key reached the server: the Authorization header was missing or empty. Set the key in the client (`Authorization: Bearer <key>`; ANTHROPIC_AUTH_TOKEN for Claude Code).',
  }),
  defineEntry({
    code: '1002', category: 'authentication', family: 'auth', http: 401, httpInferred: true, title: 'Invalid API key',
    english: 'Invalid Authentication Token, please confirm the correct transmission of the Authentication Token',
    newerEnglish: ['Authorization Token is invalid, please ensure that the Authorization Token is correctly provided.'],
    chinese: ['Authentication Token 非法，请确认 Authentication Token 正确传递', 'Authorization Token非法，请确认Authorization Token正确传递。'],
    verdict: 'fix-key', links: LINK_SETS.auth,
    guidance: 'The key is malformed or not a key at all (extra quotes, spaces, a truncated copy). Paste the key again exactly as the console shows it.',
  }),
  defineEntry({
    code: '1003', category: 'authentication', family: 'auth', http: 401, title: 'API key token expired',
    english: 'Authentication Token expired, please regenerate/obtain',
    chinese: ['Authentication Token 已过期，请重新生成/获取', 'Authorization Token已过期，请重新生成/获取。'],
    verdict: 'fix-key', links: LINK_SETS.auth,
    guidance: 'The token has expired; with self-signed JWT tokens this is often a wrong system clock. Generate a new token (check the clock) or use the plain API key.',
  }),
  defineEntry({
    code: '1004', category: 'authentication', family: 'auth', http: 401, httpInferred: true, title: 'API key not accepted',
    english: 'Authentication failed with the provided Authentication Token', chinese: ['通过 Authentication Token 的验证失败'],
    verdict: 'fix-key', links: LINK_SETS.auth,
    guidance: 'The token was read but is not valid for the API, e.g. a web-portal token used as an API key. Create an API key in the console and use that.',
  }),
  defineEntry({
    code: '1005', category: 'authentication', family: 'auth', http: 401, origin: 'added', title: 'Two-factor authentication needed',
    english: 'Need Two-Factor Authentication', chinese: ['已开启二次认证保护，需要二次认证登录。'],
    verdict: 'fix-key', links: LINK_SETS.auth,
    guidance: 'The account has two-factor protection and this sign-in did not pass it. Complete the two-factor login on the website, then retry with a valid API key.',
  }),
  defineEntry({
    code: '401', category: 'authentication', family: 'auth', http: 401, origin: 'added', title: 'Gateway: token expired or incorrect',
    english: 'token expired or incorrect', chinese: ['令牌已过期或验证不正确！'],
    verdict: 'fix-key', links: LINK_SETS.auth,
    guidance: 'The API gateway, before the model service, rejected the key as expired or wrong (its code is the string "401", not a business code). Replace or regenerate the key.',
  }),
];
