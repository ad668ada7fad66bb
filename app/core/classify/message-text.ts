import type { Language } from '../catalog/types';

export const MAX_MESSAGE_CHARS = 500;

const RELAY_SUFFIX = /\s*\(request id: [^)]*\)\s*$/;

/**
 * Letters of Chinese, Japanese and Korean, not their punctuation: the catalog's own English 1309 ends in "。"
 * (U+3002), and was read as Chinese, so its guidance linked to the Chinese site only.
 */
const CJK = /[\u2e80-\u2fff\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/** cleanMessage('Invalid API parameter…      (request id: 2026…)') -> 'Invalid API parameter…' (capped at 500). */
export function cleanMessage(message: string | null): string | null {
  if (message === null) return null;
  const text = message.indexOf('(request id:') >= 0 ? message.replace(RELAY_SUFFIX, '').trim() : trimIfNeeded(message);
  if (text === '') return null;
  return text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) : text;
}

/** languageOf('该模型当前访问量过大') -> 'zh'; languageOf('Rate limit') -> 'en'; null for no message. */
export function languageOf(message: string | null): Language | null {
  if (message === null) return null;
  return CJK.test(message) ? 'zh' : 'en';
}

function trimIfNeeded(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32 || first === 0xa0 || last === 0xa0 || first === 0x3000 || last === 0x3000 ? text.trim() : text;
}
