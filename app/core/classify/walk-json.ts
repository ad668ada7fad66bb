import { readCode } from './code-value';
import { firstString, isObject, own, ownStatus, ownString, type JsonObject } from './json-fields';
import { hasCode, mergeInner, type CodeSource, type Signals } from './signals';

/**
 * Reads a parsed JSON record (B13–B15): an iterative walk, breadth first, that follows only the keys an
 * error envelope uses (`error`, `data`, `response`, `choices`...), to a bounded depth and node count.
 * Code order (README): `error.code` → `error.type` if all digits → top-level `code` → deeper ones.
 * Message strings are then read as text (bracketed `[1308][…][id]`, escaped JSON inside JSON).
 */
export const FOLLOW: Readonly<Record<string, true>> = Object.assign(
  Object.create(null) as Record<string, true>,
  Object.fromEntries(['error', 'errors', 'data', 'response', 'body', 'detail', 'details', 'cause', 'upstream', 'originalError', 'innerError', 'lastError', 'payload', 'result', 'choices', 'error_info'].map((k) => [k, true])),
);
const MESSAGE_KEYS = ['message', 'msg', 'error_msg', 'errorMessage', 'error_message'];
const STATUS_KEYS = ['status', 'statusCode', 'status_code', 'http_status', 'httpStatus', 'apiErrorStatus'];
export const REQUEST_ID_KEYS = ['request_id', 'requestId', 'requestID', 'req_id'];
/** A completion's own id names its request when its finish_reason is an error. */
const COMPLETION_ID_KEYS = ['id'];
export const TIME_KEYS = ['timestamp', 'ts', 'time', 'created_at', 'created', '@timestamp', 'datetime'];
/** Other strings that may carry the provider's body. */
const TEXT_KEYS = ['formatted', 'detail', 'body', 'error_text', 'text'];
const FINISH_ERRORS = new Set(['sensitive', 'network_error']);
const MAX_NODES = 256;
const MAX_DEPTH = 8;
const MAX_ARRAY_ITEMS = 16;

interface Node {
  readonly obj: JsonObject;
  readonly viaError: boolean;
  readonly depth: number;
}

export type ReadText = (text: string) => Signals;

/** walkJson({ error: { code: '1302', message: '…' } }, sig, readText) fills sig.code = '1302', sig.message = '…' */
export function walkJson(root: JsonObject, sig: Signals, readText: ReadText): void {
  const nodes = collectNodes(root);
  readRoot(root, sig);
  const chosen = chooseCode(nodes, root, sig);
  for (const node of nodes) readNode(node, sig);
  if (sig.finishReason !== null) sig.requestId ??= idOf(root, COMPLETION_ID_KEYS, sig);
  sig.message = pickMessage(chosen, nodes, root);
  for (const text of textsToRead(root, nodes, sig)) {
    mergeInner(sig, readText(text));
    if (hasCode(sig) && sig.message !== null && !/^\s*[[{]/.test(sig.message)) break;
  }
}

function collectNodes(root: JsonObject): Node[] {
  const nodes: Node[] = [];
  const queue: Node[] = [{ obj: root, viaError: false, depth: 0 }];
  for (let head = 0; head < queue.length && nodes.length < MAX_NODES; head++) {
    const node = queue[head] as Node;
    nodes.push(node);
    if (node.depth >= MAX_DEPTH) continue;
    for (const key in node.obj) {
      if (FOLLOW[key] !== true || !Object.prototype.hasOwnProperty.call(node.obj, key)) continue;
      const viaError = key === 'error' || key === 'errors';
      const value = node.obj[key];
      if (isObject(value)) queue.push({ obj: value, viaError, depth: node.depth + 1 });
      else if (Array.isArray(value)) {
        for (const child of value.slice(0, MAX_ARRAY_ITEMS)) if (isObject(child)) queue.push({ obj: child, viaError, depth: node.depth + 1 });
      }
    }
  }
  return nodes;
}

function readRoot(root: JsonObject, sig: Signals): void {
  for (const key of TIME_KEYS) {
    const value = own(root, key);
    if (typeof value === 'string' || typeof value === 'number') {
      sig.time = value;
      break;
    }
  }
  if (own(root, 'type') === 'error' || own(root, 'subtype') === 'api_error' || own(root, 'event') === 'error') sig.evidence = true;
  if (own(root, 'isApiErrorMessage') === true) sig.evidence = true;
}

function readNode({ obj }: Node, sig: Signals): void {
  const status = ownStatus(obj, STATUS_KEYS);
  if (status !== null && (sig.http === null || !sig.http.strong)) sig.http = { status, strong: true };
  if (status !== null && status >= 400) sig.evidence = true;
  sig.requestId ??= idOf(obj, REQUEST_ID_KEYS, sig);
  const error = own(obj, 'error');
  if (isObject(error) && Object.keys(error).length > 0) sig.evidence = true;
  const finish = ownString(obj, 'finish_reason');
  if (finish !== null && FINISH_ERRORS.has(finish)) {
    sig.finishReason = finish;
    sig.evidence = true;
  }
}

/** Applies the README's extraction order; returns the node the code came from. */
function chooseCode(nodes: readonly Node[], root: JsonObject, sig: Signals): JsonObject | null {
  for (const n of nodes) if (n.viaError && applyCode(n.obj, 'code', sig)) return n.obj;
  for (const n of nodes) if (n.viaError && applyCode(n.obj, 'type', sig)) return n.obj;
  if (applyCode(root, 'code', sig)) return root;
  for (const n of nodes) if (!n.viaError && n.obj !== root && applyCode(n.obj, 'code', sig)) return n.obj;
  return null;
}

/** True when this field decides the code (a code, or disguised digits that must stay uncatalogued). */
function applyCode(obj: JsonObject, key: 'code' | 'type', sig: Signals): boolean {
  const value = own(obj, key);
  if (key === 'type' && !(typeof value === 'string' && /^\d+$/.test(value))) return false;
  const read = readCode(value);
  const source: CodeSource = key === 'type' ? 'type' : 'field';
  switch (read.kind) {
    case 'code':
      Object.assign(sig, { code: read.code, codeSource: source, coerced: read.coerced });
      return true;
    case 'evasive':
      Object.assign(sig, { evasive: true, rawCode: read.raw, evidence: true });
      return true;
    case 'http':
      if (sig.http === null) sig.http = { status: read.status, strong: true };
      sig.evidence = true;
      return false;
    case 'other':
      if (sig.rawCode === null) {
        sig.rawCode = read.raw;
        // `1e309` reads `Infinity`: the record is read again for the code as written (B5).
        if (isInexact(value)) sig.inexactNumber = true;
      }
      return false;
    default:
      return false;
  }
}

/**
 * The first id among keys, as written: a string, or a number's digits (`"request_id": 42` -> '42'). A number
 * a double cannot hold as written (18446744073709551616, 1e309) gives no id here but marks the record, which
 * is read again with such numbers as strings (B5); string ids and safe integers cost nothing more.
 */
function idOf(obj: JsonObject, keys: readonly string[], sig: Signals): string | null {
  for (const key of keys) {
    const value = own(obj, key);
    if (typeof value === 'string') {
      if (value !== '') return value;
    } else if (typeof value === 'number') {
      if (!isInexact(value)) return String(value);
      sig.inexactNumber = true;
      return null;
    }
  }
  return null;
}

function isInexact(value: unknown): boolean {
  return typeof value === 'number' && !Number.isSafeInteger(value);
}

function pickMessage(codeNode: JsonObject | null, nodes: readonly Node[], root: JsonObject): string | null {
  const fromCodeNode = codeNode === null ? null : firstString(codeNode, MESSAGE_KEYS);
  if (fromCodeNode !== null) return fromCodeNode;
  for (const node of nodes) if (node.viaError) {
    const m = firstString(node.obj, MESSAGE_KEYS);
    if (m !== null) return m;
  }
  const fromRoot = firstString(root, MESSAGE_KEYS) ?? firstString(root, ['error']);
  if (fromRoot !== null) return fromRoot;
  for (const node of nodes) {
    const m = firstString(node.obj, MESSAGE_KEYS) ?? firstString(node.obj, ['error']);
    if (m !== null) return m;
  }
  return null;
}

/** Strings that may hold the provider's body: the message, transcript text, error strings, `formatted`. */
function textsToRead(root: JsonObject, nodes: readonly Node[], sig: Signals): string[] {
  const texts: string[] = [];
  if (sig.message !== null) texts.push(sig.message);
  if (own(root, 'isApiErrorMessage') === true) texts.push(...transcriptTexts(root));
  for (const node of nodes) {
    const error = ownString(node.obj, 'error');
    if (error !== null && error !== '') texts.push(error);
    for (const key of TEXT_KEYS) {
      const value = ownString(node.obj, key);
      if (value !== null && value !== '' && (node.viaError || key === 'formatted')) texts.push(value);
    }
  }
  const unique: string[] = [];
  for (const t of texts) if (!unique.includes(t) && unique.length < 8) unique.push(t);
  return unique;
}

/** Claude Code assistant records carry `API Error: …` in message.content (a string or text blocks). */
function transcriptTexts(root: JsonObject): string[] {
  const message = own(root, 'message');
  const content = isObject(message) ? own(message, 'content') : undefined;
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content
    .slice(0, MAX_ARRAY_ITEMS)
    .map((block) => (isObject(block) ? ownString(block, 'text') : null))
    .filter((t): t is string => t !== null && t !== '');
}
