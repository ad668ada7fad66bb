import { isWide } from './normalize-text';
import type { Language } from '../catalog/types';

export const MAX_MESSAGE_CHARS = 500;

const RELAY_SUFFIX = /\s*\(request id: [^)]*\)\s*$/;

/** cleanMessage('Invalid API parameter…      (request id: 2026…)') -> 'Invalid API parameter…' (capped at 500). */
export function cleanMessage(message: string | null): string | null {
  if (message === null) return null;
  const text = message.replace(RELAY_SUFFIX, '').trim();
  if (text === '') return null;
  return text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) : text;
}

/** languageOf('该模型当前访问量过大') -> 'zh'; languageOf('Rate limit') -> 'en'; null for no message. */
export function languageOf(message: string | null): Language | null {
  if (message === null) return null;
  for (let i = 0; i < message.length; i++) {
    const c = message.charCodeAt(i);
    if (c >= 0x2e80 && isWide(c) && c < 0xff00) return 'zh';
  }
  return 'en';
}
