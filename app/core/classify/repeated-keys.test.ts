import { describe, expect, it } from 'vitest';
import { classifyRecord, classifyRecordFull } from './classify';
import { errorsOf, type Outcome } from './outcome';
import { valuesRepeatingReadKey } from './repeated-keys';

const FLAG = 'duplicate_key_last_wins';

describe('valuesRepeatingReadKey (B6)', () => {
  it.each([
    ['{"error":{"code":"1308","code":"500"}}', [0]],
    ['{"code":1,"message":"a","code":2}', [0]],
    ['{"error":{"message":"a","message":"b"}}', [0]],
    ['{"status":429, "status" :500}', [0]],
    ['[{"code":"1302"},{"code":"1","code":"2"},{"code":"3"},{"code":"4","code":"5"}]', [1, 3]],
    // One key at each level of an envelope, once in each error of an array: no repeat.
    ['{"code":500,"error":{"code":"1308","error":{"code":"1302"}}}', []],
    ['{"errors":[{"code":"1302"},{"code":"1113"}]}', []],
    ['[{"code":"1302"},{"code":"1113"}]', []],
    // Objects the classifier does not read, keys it does not read, text inside strings.
    ['{"error":{"code":"1302"},"tool_input":{"code":"a","code":"b"}}', []],
    ['{"error":{"code":"1302","param":"a","param":"b"}}', []],
    ['{"error":{"code":"1302","message":"\\"code\\":1, \\"code\\":2"}}', []],
    ['{"error":{"code":"1302","message":"a \\\\"},"x":"\\"code\\""}', []],
    // A key after a string ending in an escaped backslash is still a key.
    ['{"error":{"message":"a\\\\","code":"1","code":"2"}}', [0]],
  ])('%s -> %j', (json, expected) => expect(valuesRepeatingReadKey(json)).toEqual(expected));
});

const flagsOf = (o: Outcome) => (o.kind === 'catalogued' || o.kind === 'uncatalogued' ? errorsOf(o).map((e) => e.details.flags.includes(FLAG)) : []);
const codesOf = (o: Outcome) => (o.kind === 'catalogued' || o.kind === 'uncatalogued' ? errorsOf(o).map((e) => e.details.code) : []);

describe('classifyRecord: a key written twice (B6)', () => {
  it.each([
    ['the code, in the error object', '{"error":{"code":"1308","code":"500"}}', ['500'], [true]],
    ['the code, with a message between', '{"error":{"code":"1302","message":"Rate limit reached for requests","code":"1113"}}', ['1113'], [true]],
    ['the code, at the top', '{"code":"1302","message":"Rate limit reached for requests","code":"1113"}', ['1113'], [true]],
    ['the message', '{"error":{"code":"1302","message":"a","message":"Rate limit reached for requests"}}', ['1302'], [true]],
    ['the status', '{"status":200,"status":429,"error":{"code":"1302","message":"Rate limit reached for requests"}}', ['1302'], [true]],
    ['in a body after `API Error: 429`', 'API Error: 429 {"error":{"code":"1308","code":"1302","message":"Rate limit reached for requests"}}', ['1302'], [true]],
    ['in JSON escaped in a message', '{"error":{"message":"{\\"error\\":{\\"code\\":\\"1308\\",\\"code\\":\\"1302\\"}}"}}', ['1302'], [true]],
    ['a code at two levels of an envelope', '{"code":500,"msg":"upstream","error":{"code":"1302","message":"Rate limit reached for requests"}}', ['1302'], [false]],
    ['a code in an object not read', '{"error":{"code":"1302","message":"Rate limit reached for requests"},"tool_input":{"code":"a","code":"b"}}', ['1302'], [false]],
    ['an array of errors, one code each', '[{"error":{"code":"1302","message":"a"}},{"error":{"code":"1113","message":"b"}}]', ['1302', '1113'], [false, false]],
    ['an array of errors, the second repeating its code', '[{"error":{"code":"1302","message":"a"}},{"error":{"code":"1308","code":"1113","message":"b"}}]', ['1302', '1113'], [false, true]],
  ])('%s', (_name, line, codes, flagged) => {
    const outcome = classifyRecord(line);
    expect(codesOf(outcome)).toEqual(codes);
    expect(flagsOf(outcome)).toEqual(flagged);
    expect(classifyRecordFull(line)).toEqual(outcome);
  });

  it('is read by the full path, not the fast one, whose outcome for the usual line is unchanged', () => {
    const usual = '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"Rate limit reached for requests"}}';
    const twice = usual.replace('"code":"1302"', '"code":"1308","code":"1302"');
    expect(flagsOf(classifyRecord(usual))).toEqual([false]);
    expect(classifyRecord(twice)).toEqual(classifyRecordFull(twice));
    expect(flagsOf(classifyRecord(twice))).toEqual([true]);
  });

  it('never flags a record that is no error', () => {
    expect(classifyRecord('{"level":"info","code":1,"code":2,"msg":"ok"}')).toEqual({ kind: 'non-error', flags: [] });
  });
});
