import { FOLLOW } from './walk-json';

/**
 * B6: JSON.parse keeps the last of a key written twice in one object, so `{"code":"1308","code":"500"}`
 * reads 500. The classifier keeps that rule (README) and flags the records it applied to. Only keys it
 * reads, in objects it reads (the root, and what `error`, `data`... lead to): a `code` at two levels of an
 * envelope, or once in each error of an array, repeats nothing.
 */
const WATCHED = ['code', 'message', 'status'] as const;
/**
 * Searched for without their opening quote: V8 finds a pattern by its first character, and a quote is in
 * every few characters of JSON (`"code"` took 1 ns a character, `code"` a quarter of that).
 */
const KEY_TAILS = WATCHED.map((key) => `${key}"`);
const NONE: readonly number[] = Object.freeze([]);

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

/**
 * Which top-level values of a JSON text repeat a watched key in an object read: [0] for an object, the
 * indices of the items for an array. A text holding no watched key twice costs a native search per key.
 * valuesRepeatingReadKey('{"error":{"code":"1308","code":"500"}}') -> [0]
 * valuesRepeatingReadKey('[{"code":"1302"},{"code":"1","code":"2"}]') -> [1]
 * valuesRepeatingReadKey('{"code":500,"error":{"code":"1308"}}') -> []
 */
export function valuesRepeatingReadKey(json: string): readonly number[] {
  for (const tail of KEY_TAILS) if (holdsKeyTwice(json, tail)) return scanForRepeats(json);
  return NONE;
}

/** Whether `"key"` followed by a colon (a key, not a value such as `"type":"message"`) is in the text twice. */
function holdsKeyTwice(json: string, tail: string): boolean {
  let keys = 0;
  for (let at = json.indexOf(tail); at >= 0; at = json.indexOf(tail, at + tail.length)) {
    if (json.charCodeAt(at - 1) === QUOTE && isColonAt(json, at + tail.length)) keys += 1;
    if (keys === 2) return true;
  }
  return false;
}

function isColonAt(json: string, from: number): boolean {
  let at = from;
  while (isJsonSpace(json.charCodeAt(at))) at += 1;
  return json.charCodeAt(at) === COLON;
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

interface Container {
  readonly isObject: boolean;
  /** An object whose keys the classifier reads, or an array whose objects it reads. */
  readonly isRead: boolean;
  /** The top-level value it is part of. */
  readonly item: number;
  /** Watched keys met in this object, a bit per WATCHED index. */
  seen: number;
  /** The top-level array: items begun after the first. */
  commas: number;
}

/** One pass over text already parsed as JSON: strings are skipped whole, containers kept on a stack (no recursion). */
function scanForRepeats(json: string): readonly number[] {
  const repeats: number[] = [];
  const stack: Container[] = [];
  let keyStart = 0;
  let keyEnd = 0;
  let expectsKey = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === QUOTE) {
      const end = stringEnd(json, i);
      if (end < 0) break;
      if (expectsKey && top !== undefined) {
        keyStart = i + 1;
        keyEnd = end;
        expectsKey = false;
        if (top.isRead) noteKey(top, watchedIndex(json, keyStart, keyEnd), repeats);
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      stack.push({ isObject: c === OPEN_OBJECT, isRead: isReadChild(top, json, keyStart, keyEnd), item: itemOf(top, stack.length), seen: 0, commas: 0 });
      expectsKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
      expectsKey = false;
    } else if (c === COMMA && top !== undefined) {
      expectsKey = top.isObject;
      if (stack.length === 1) top.commas += 1;
    }
  }
  return repeats;
}

/** The closing quote of the string opened at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at > 0 && isEscaped(text, at)) at = text.indexOf('"', at + 1);
  return at;
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes += 1;
  return backslashes % 2 === 1;
}

/**
 * The top-level value is read; below it, what the walk follows (walkJson): in an object read, the value of a
 * FOLLOW key (json[keyStart, keyEnd), the key just met); in an array read, every item.
 */
function isReadChild(parent: Container | undefined, json: string, keyStart: number, keyEnd: number): boolean {
  if (parent === undefined) return true;
  if (!parent.isRead) return false;
  return !parent.isObject || FOLLOW[json.slice(keyStart, keyEnd)] === true;
}

function itemOf(parent: Container | undefined, depth: number): number {
  if (parent === undefined) return 0;
  return depth === 1 && !parent.isObject ? parent.commas : parent.item;
}

function watchedIndex(json: string, start: number, end: number): number {
  for (let k = 0; k < WATCHED.length; k += 1) {
    const key = WATCHED[k] as string;
    if (key.length === end - start && json.startsWith(key, start)) return k;
  }
  return -1;
}

function noteKey(object: Container, watched: number, repeats: number[]): void {
  if (watched < 0) return;
  const bit = 1 << watched;
  if ((object.seen & bit) !== 0 && !repeats.includes(object.item)) repeats.push(object.item);
  object.seen |= bit;
}
