import { defineEntry } from './define-entry';
import { LINK_SETS } from './links';
import type { CatalogEntry } from './types';

/** Category "api-call" (1200–1234, and 1261 added later). Placeholders are the provider's own names. */
export const API_CALL_ENTRIES: readonly CatalogEntry[] = [
  defineEntry({
    code: '1200', category: 'api-call', family: 'server', http: 500, title: 'API call error',
    english: 'API Call Error', chinese: ['API 调用错误', 'API 调用失败'],
    verdict: 'retry-later', links: LINK_SETS.reference,
    guidance: 'A generic failure while the provider handled the call. Retry after a pause; if the same request keeps failing, simplify it.',
  }),
  defineEntry({
    code: '1210', category: 'api-call', family: 'request', http: 400, title: 'Invalid API parameters',
    english: 'Incorrect API call parameters, please check the documentation',
    newerEnglish: ['Invalid API parameter, please check the documentation.'], chinese: ['API 调用参数有误，请检查文档'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: 'The body has a parameter the endpoint rejects; with coding agents usually a tool-calling or thinking option. Update the client or turn the option off.',
  }),
  defineEntry({
    code: '1211', category: 'api-call', family: 'request', http: 400, title: 'Unknown model',
    english: 'Model does not exist, please check the model code',
    newerEnglish: ['Unknown Model, please check the model code.'], chinese: ['模型不存在，请检查模型代码'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: 'The model name is not one this endpoint serves (e.g. `glm-5.2[1m]` sent verbatim). Use an exact model code from the docs, such as `glm-4.6`.',
  }),
  defineEntry({
    code: '1212', category: 'api-call', family: 'request', http: 400, title: 'Call method not supported',
    english: 'Current model does not support ${method} call method', chinese: ['当前模型不支持 ${method} 调用方式'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: 'This model cannot be called this way (e.g. streaming or async). Use a supported method or a model that supports it.',
  }),
  defineEntry({
    code: '1213', category: 'api-call', family: 'request', http: 400, title: 'Missing parameter',
    english: '${field} parameter not received properly',
    newerEnglish: ['Parameter ${field} was not received.'], chinese: ['未正常接收到 ${field} 参数'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: 'A required field (named in the message) was missing or empty in the body. Check the client sends it.',
  }),
  defineEntry({
    code: '1214', category: 'api-call', family: 'request', http: 400, title: 'Invalid parameter',
    english: 'Invalid ${field} parameter. Please check the documentation',
    newerEnglish: ['Parameter ${field} is invalid. Please check the documentation.', 'The ${field} parameter is illegal. Please check the documentation.', 'Input cannot be empty'],
    chinese: ['${field} 参数非法。请检查文档', '${field}参数非法，请检查文档', '${field}:输入不能为空'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: 'The named field has a value the API rejects, often an empty message or content list. Fix that field (e.g. drop empty messages) and resend.',
  }),
  defineEntry({
    code: '1215', category: 'api-call', family: 'request', http: 400, title: 'Conflicting parameters',
    english: '${field1} and ${field2} cannot be set simultaneously, please check the documentation',
    chinese: ['${field1} 与 ${field2} 不能同时设置，请检查文档'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: 'Two mutually exclusive fields were both set (e.g. temperature and top_p in some modes). Send only one of them.',
  }),
  defineEntry({
    code: '1220', category: 'api-call', family: 'request', http: 403, title: 'No permission for this API',
    english: 'You do not have permission to access ${API_name}', chinese: ['您无权访问 ${API_name}'],
    verdict: 'fix-key', links: LINK_SETS.auth,
    guidance: 'The account behind this key is not entitled to this API (beta or plan-restricted). Use a key of an account that has access, or request access; retrying will not help.',
  }),
  defineEntry({
    code: '1221', category: 'api-call', family: 'request', http: 400, title: 'API taken offline',
    english: 'API ${API_name} has been taken offline', chinese: ['API ${API_name} 已下线'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: 'This API was retired. Move the client to its replacement listed in the docs.',
  }),
  defineEntry({
    code: '1222', category: 'api-call', family: 'request', http: 400, title: 'API does not exist',
    english: 'API ${API_name} does not exist', chinese: ['API ${API_name} 不存在'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: 'The path does not name an API, usually a wrong base URL or path. Check the endpoint, e.g. `/api/coding/paas/v4/chat/completions`.',
  }),
  defineEntry({
    code: '1230', category: 'api-call', family: 'server', http: 500, title: 'API call process error',
    english: 'API call process error', chinese: ['API 调用流程出错'],
    verdict: 'retry-later', links: LINK_SETS.reference,
    guidance: 'The provider failed while processing the call. Retry after a pause.',
  }),
  defineEntry({
    code: '1231', category: 'api-call', family: 'request', http: null, title: 'Request already running',
    english: 'You already have a request: ${request_id}', chinese: ['您已有请求：${request_id}'],
    verdict: 'slow-down', links: LINK_SETS.reference,
    guidance: 'A request with the same id is still being processed. Wait for it to finish instead of resending it.',
  }),
  defineEntry({
    code: '1234', category: 'api-call', family: 'server', http: 500, title: 'Network error at the provider',
    english: 'Network error, error id: ${error_id} , please contact customer service',
    newerEnglish: ['Network error, error id: ${error_id}, please try again later'], chinese: ['网络错误，错误id：${error_id}，请联系客服'],
    verdict: 'contact-support', links: LINK_SETS.reference,
    guidance: 'A network failure inside the provider; the error id (its first 14 digits are Beijing time) identifies it. Retry once; if it repeats, send the error id to support.',
  }),
  defineEntry({
    code: '1261', category: 'api-call', family: 'request', http: 400, origin: 'added', title: 'Prompt too long',
    english: 'Prompt too long', newerEnglish: ['Prompt exceeds max length'], chinese: ['Prompt 超长'],
    verdict: 'fix-request', links: LINK_SETS.reference,
    guidance: "The conversation exceeds the model's context window. Compact or clear the context (`/compact` in Claude Code) or use a model with a longer context.",
  }),
];
