import { defineEntry } from './define-entry';
import { LINK_SETS } from './links';
import type { CatalogEntry } from './types';

/**
 * Category "api-policy-block": content policy, throttling and plan codes (the quota codes are in
 * entries-quota.ts). 1312 has no English wording anywhere, so its `english` is the Chinese original.
 */
export const POLICY_ENTRIES: readonly CatalogEntry[] = [
  defineEntry({
    code: '1300', category: 'api-policy-block', family: 'policy', http: 429, httpInferred: true, title: 'Blocked by policy',
    english: 'API call blocked by policy', chinese: ['API 调用被策略阻止'],
    verdict: 'contact-support', links: LINK_SETS.reference,
    guidance: 'The provider blocked the call under one of its policies without saying which. Ask support which policy applies before retrying.',
  }),
  defineEntry({
    code: '1301', category: 'api-policy-block', family: 'policy', http: 400, title: 'Sensitive content detected',
    english: 'System detected potentially unsafe or sensitive content in input or generation. Please avoid using prompts that may generate sensitive content. Thank you for your cooperation.',
    chinese: ['系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: 'The content filter stopped the input or the output (in streams this is `finish_reason: "sensitive"`). Rephrase or remove the flagged content; resending it unchanged fails again.',
  }),
  defineEntry({
    code: '1302', category: 'api-policy-block', family: 'throttle', http: 429, title: 'Too many concurrent requests',
    english: 'High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits',
    newerEnglish: ['Rate limit reached for requests'],
    chinese: ['您当前使用该 API 的并发数过高，请降低并发，或联系客服增加限额', '您的账户已达到速率限制，请您控制请求频率'],
    verdict: 'slow-down', links: LINK_SETS.throttle,
    guidance: 'Too many requests in flight at once for this key (concurrency, not the 5-hour quota). Run fewer agents or sub-agents in parallel and retry with backoff; limits are higher off-peak.',
  }),
  defineEntry({
    code: '1303', category: 'api-policy-block', family: 'throttle', http: 429, httpInferred: true, title: 'Requests too frequent',
    english: 'High frequency usage of this API, please reduce frequency or contact customer service to increase limits',
    chinese: ['您当前使用该 API 的频率过高，请降低频率，或联系客服增加限额'],
    verdict: 'slow-down', links: LINK_SETS.throttle,
    guidance: 'Requests per minute are above the limit. Space requests out and retry with backoff.',
  }),
  defineEntry({
    code: '1304', category: 'api-policy-block', family: 'quota', http: 429, httpInferred: true, title: 'Daily call limit reached',
    english: 'Daily call limit for this API reached. For more requests, please contact customer service to purchase',
    chinese: ['该 API 已达今日调用次数限额，如有更多需求，请联系客服购买'],
    verdict: 'wait-for-reset', links: LINK_SETS.quota,
    guidance: "This API's daily call count is used up. Wait for tomorrow's reset (Beijing time), or buy more through customer service.",
  }),
  defineEntry({
    code: '1305', category: 'api-policy-block', family: 'throttle', http: 429, origin: 'added', title: 'Model overloaded',
    english: 'The API has triggered a rate limit.',
    newerEnglish: ['The service may be temporarily overloaded, please try again later'],
    chinese: ['该 API 已触发流量限制', '该模型当前访问量过大，请您稍后再试'],
    verdict: 'slow-down', links: LINK_SETS.throttle,
    guidance: 'The model is overloaded, typically at peak hours; this is transient and not your quota (also seen as HTTP 529 or 503). Retry with backoff or switch models for a while.',
  }),
  defineEntry({
    code: '1311', category: 'api-policy-block', family: 'plan', http: 429, origin: 'added', title: 'Model not in your plan',
    english: 'Your current subscription plan does not yet include access to ${model_name}', chinese: ['当前订阅套餐暂未开放${model_name}权限'],
    verdict: 'fix-request', links: LINK_SETS.plan,
    guidance: 'Your plan does not include this model yet (such as GLM-5 on Lite). Switch the client to a model the plan includes, or upgrade the plan.',
  }),
  defineEntry({
    code: '1312', category: 'api-policy-block', family: 'throttle', http: 429, httpInferred: true, origin: 'added', title: 'Model busy, try another model',
    english: '该模型当前访问量过大，请您稍后再试，或切换其他模型如 ${model_name} 等',
    chinese: ['该模型当前访问量过大，请您稍后再试，或切换其他模型如 ${model_name} 等'],
    verdict: 'slow-down', links: LINK_SETS.throttle,
    guidance: 'The model is overloaded right now; the message suggests another model. Retry later or switch to the model it names.',
  }),
  defineEntry({
    code: '1313', category: 'api-policy-block', family: 'throttle', http: 429, origin: 'added', title: 'Fair-use limit applied',
    english: "Your account's current usage pattern does not comply with the Fair Usage Policy, and your request frequency has been limited. For details, please refer to the Subscription Service Agreement. To restore access, please submit a request.",
    chinese: ['您的账户当前使用模式不符合公平使用策略，请求频率已受到限制。详情请参阅《条款与协议-订阅及自动续费协议》，如需恢复请前往个人中心-编程套餐总览-顶部申请解除限制'],
    verdict: 'contact-support', links: LINK_SETS.plan,
    guidance: 'The account was throttled under the Fair Usage Policy (e.g. non-coding use or unofficial tools). Submit a request to lift the limit (zh: 个人中心 → 编程套餐总览) and use supported tools.',
  }),
  defineEntry({
    code: '1314', category: 'api-policy-block', family: 'plan', http: 429, origin: 'added', title: 'Enterprise package expired',
    english: 'Your enterprise package has expired. Please contact your enterprise administrator.', chinese: ['您的企业套餐已失效，请联系企业管理员。'],
    verdict: 'contact-support', links: LINK_SETS.plan,
    guidance: "Your organisation's enterprise package has lapsed. Ask your enterprise administrator to renew it.",
  }),
  defineEntry({
    code: '1315', category: 'api-policy-block', family: 'plan', http: 429, origin: 'added', title: 'Key only for enterprise coding package',
    english: 'This API Key is limited to enterprise coding package scenarios. Please go to the official website to replace the API Key of the corresponding product type.',
    chinese: ['该 API Key 仅限企业编程套餐场景使用，请到官网更换对应产品类型的 API Key'],
    verdict: 'fix-key', links: LINK_SETS.auth,
    guidance: 'This key belongs to an enterprise coding package and cannot be used for this product. Create or use a key of the matching product type.',
  }),
];
