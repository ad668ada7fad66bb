import { memoByString } from './memo';
import { normalizeText, type NormalizedText } from './normalize-text';
import { TEMPLATES, TEMPLATES_BY_CODE, type CompiledTemplate } from './templates';
import { mayMatchWording } from './wording-gate';

/** Messages are compared on this prefix only (C12: bounded work whatever the input). */
export const MATCH_PREFIX_CHARS = 4096;

export interface TextMatch {
  readonly template: CompiledTemplate;
  /** Index in the input where the matched wording starts (the start of a leading placeholder's value). */
  readonly start: number;
  /** Placeholder values read from the input, e.g. { field: 'messages' }. */
  readonly params: Readonly<Record<string, string>>;
}

interface Located {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** Finds the segments in order; positions are in the normalised text. */
function locate(norm: string, t: CompiledTemplate): Located | null {
  const starts: number[] = [];
  const ends: number[] = [];
  let from = 0;
  for (const segment of t.segments) {
    const at = norm.indexOf(segment, from);
    if (at < 0) return null;
    starts.push(at);
    ends.push(at + segment.length);
    from = at + segment.length;
  }
  return { starts, ends };
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const TAIL = /^[\s.!,;:"'\])}]*$/;

/** A generic wording must be the whole message: nothing but punctuation after it, a word boundary before. */
function isWholeMessage(norm: string, t: CompiledTemplate, loc: Located): boolean {
  const first = loc.starts[0] ?? 0;
  const last = loc.ends[loc.ends.length - 1] ?? 0;
  const before = first === 0 || (t.gaps[0]?.length ?? 0) > 0 ? '' : (norm[first - 1] ?? '');
  const endsWithValue = (t.gaps[t.segments.length]?.length ?? 0) > 0;
  return !WORD_CHAR.test(before) && (endsWithValue || TAIL.test(norm.slice(last)));
}

/**
 * Templates whose first segment can occur in the text: indexed by the first two characters of that
 * segment, so a message is compared with a handful of wordings instead of all of them. The index is
 * flat (a start per bigram hash into one list), as it is read once per character of the message.
 */
const BIGRAM_HASHES = 1 << 16;
const { ALWAYS, BIGRAM_START, BIGRAM_TEMPLATES } = (() => {
  const keyed = TEMPLATES.flatMap((t, i) => ((t.segments[0]?.length ?? 0) >= 2 ? [[bigram(t.segments[0] ?? '', 0), i] as const] : []));
  keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // start[h]: how many keys are below h. Filled by ranges between the sorted keys, not by a loop over every
  // hash: each reader (every thread or worker) builds this at start-up.
  const start = new Int32Array(BIGRAM_HASHES + 1);
  let filled = 0;
  keyed.forEach(([key], below) => {
    if (key + 1 <= filled) return;
    start.fill(below, filled, key + 1);
    filled = key + 1;
  });
  start.fill(keyed.length, filled);
  const always = TEMPLATES.flatMap((t, i) => ((t.segments[0]?.length ?? 0) < 2 ? [i] : []));
  return { ALWAYS: always, BIGRAM_START: start, BIGRAM_TEMPLATES: Uint16Array.from(keyed, ([, i]) => i) };
})();

/** A 16-bit hash of two characters; collisions only add candidates, never lose one. */
function bigram(text: string, at: number): number {
  return ((text.charCodeAt(at) * 131) ^ text.charCodeAt(at + 1)) & (BIGRAM_HASHES - 1);
}

/** Scratch marks, one per template (matching is synchronous and never re-entered). */
const marks = new Uint8Array(TEMPLATES.length);

function candidates(norm: string): CompiledTemplate[] {
  marks.fill(0);
  for (const i of ALWAYS) marks[i] = 1;
  for (let at = 0; at + 1 < norm.length; at++) {
    const key = bigram(norm, at);
    for (let k = BIGRAM_START[key] as number, end = BIGRAM_START[key + 1] as number; k < end; k++) marks[BIGRAM_TEMPLATES[k] as number] = 1;
  }
  const found: CompiledTemplate[] = [];
  for (let i = 0; i < TEMPLATES.length; i++) if (marks[i] === 1) found.push(TEMPLATES[i] as CompiledTemplate);
  return found;
}

function best(norm: string, templates: readonly CompiledTemplate[], errorContext: boolean): { t: CompiledTemplate; loc: Located } | null {
  let found: { t: CompiledTemplate; loc: Located } | null = null;
  for (const t of templates) {
    if (found !== null && t.weight <= found.t.weight) continue;
    if (t.generic && !errorContext) continue;
    const loc = locate(norm, t);
    if (loc === null || (t.generic && !isWholeMessage(norm, t, loc))) continue;
    found = { t, loc };
  }
  return found;
}

/**
 * The catalog wording that best matches a message, or null.
 * matchText('429 该模型当前访问量过大，请您稍后再试', { errorContext: true })?.template.entry.code -> '1305'
 */
export function matchText(input: string, { errorContext, ungated = false }: { errorContext: boolean; ungated?: boolean }): TextMatch | null {
  const capped = input.length > MATCH_PREFIX_CHARS ? input.slice(0, MATCH_PREFIX_CHARS) : input;
  // Most texts hold no template's pieces: answered without normalising (exact, see wording-gate.ts;
  // `ungated` is for the test that proves it).
  if (!ungated && !mayMatchWording(capped)) return null;
  const norm = normalizeText(capped);
  const hit = best(norm.text, candidates(norm.text), errorContext);
  if (hit === null) return null;
  return { template: hit.t, start: originOf(norm, leadingStart(norm, hit)), params: readParams(capped, norm, hit.t, hit.loc) };
}

/** True when the message matches one of the code's own wordings (so no code/message mismatch). */
export function matchesOwnWording(code: string, input: string): boolean {
  const own = TEMPLATES_BY_CODE.get(code);
  if (own === undefined || own.length === 0) return false;
  const norm = normalizeText(input.length > MATCH_PREFIX_CHARS ? input.slice(0, MATCH_PREFIX_CHARS) : input);
  return own.some((t) => locate(norm.text, t) !== null);
}

function originOf(norm: NormalizedText, index: number): number {
  return norm.origin[index] ?? 0;
}

function leadingStart(norm: NormalizedText, hit: { t: CompiledTemplate; loc: Located }): number {
  const first = hit.loc.starts[0] ?? 0;
  if ((hit.t.gaps[0]?.length ?? 0) === 0) return first;
  const token = /[A-Za-z0-9_.\-/[\]]+ ?$/.exec(norm.text.slice(Math.max(0, first - 100), first));
  return token === null ? first : first - token[0].length;
}

const LEADING_TOKEN = /[A-Za-z0-9_.\-/]+$/;
const TRAILING_VALUE = /^[^\]["\n}]*/;

/** Placeholder values from the original text between the located segments. */
function readParams(original: string, norm: NormalizedText, t: CompiledTemplate, loc: Located): Record<string, string> {
  const params: Record<string, string> = {};
  t.gaps.forEach((names, i) => {
    if (names.length === 0) return;
    const from = i === 0 ? 0 : originOf(norm, (loc.ends[i - 1] ?? 1) - 1) + 1;
    const to = i < loc.starts.length ? originOf(norm, loc.starts[i] ?? 0) : original.length;
    let value = original.slice(from, to);
    if (i === 0) value = LEADING_TOKEN.exec(value.trim())?.[0] ?? '';
    else if (i === loc.starts.length) value = (TRAILING_VALUE.exec(value)?.[0] ?? '').replace(/\s*\(request id:.*$/, '');
    assign(params, names, value.trim().replace(/[\s.。,，]+$/, '').slice(0, 200));
  });
  return params;
}

/** One gap may hold several adjacent placeholders (`${number} ${unit}`): split on whitespace, last takes the rest. */
function assign(params: Record<string, string>, names: readonly string[], value: string): void {
  if (value === '') return;
  if (names.length === 1) {
    params[names[0] ?? ''] = value;
    return;
  }
  const words = value.split(/\s+/);
  names.forEach((name, k) => {
    const part = k === names.length - 1 ? words.slice(k).join(' ') : (words[k] ?? '');
    if (part !== '') params[name] = part;
  });
}

const ownParamMemos = new Map<string, (input: string) => Readonly<Record<string, string>>>();

/** Placeholder values read with the code's own wordings: readOwnParams('1214', 'Invalid messages parameter…') -> { field: 'messages' } */
export function readOwnParams(code: string, input: string): Readonly<Record<string, string>> {
  let memo = ownParamMemos.get(code);
  if (memo === undefined) {
    memo = memoByString((text) => Object.freeze(computeOwnParams(code, text)));
    ownParamMemos.set(code, memo);
  }
  return memo(input);
}

function computeOwnParams(code: string, input: string): Record<string, string> {
  const own = TEMPLATES_BY_CODE.get(code);
  if (own === undefined) return {};
  const capped = input.length > MATCH_PREFIX_CHARS ? input.slice(0, MATCH_PREFIX_CHARS) : input;
  const norm = normalizeText(capped);
  const hit = best(norm.text, own, true);
  return hit === null ? {} : readParams(capped, norm, hit.t, hit.loc);
}
