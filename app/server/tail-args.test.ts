import { describe, expect, it } from 'vitest';
import { parseTailArgs } from './tail-args';

describe('parseTailArgs', () => {
  it.each<[string[], object]>([
    [['--tail', 'a.log'], { ok: true, args: { paths: ['a.log'], fromStart: false, port: 4173 } }],
    [['--tail', 'a.log', 'logs', '--from-start'], { ok: true, args: { paths: ['a.log', 'logs'], fromStart: true, port: 4173 } }],
    [['--from-start', '--tail', 'x', '--port', '0'], { ok: true, args: { paths: ['x'], fromStart: true, port: 0 } }],
    [['--tail', 'x', '--port=8080'], { ok: true, args: { paths: ['x'], fromStart: false, port: 8080 } }],
  ])('%j', (argv, expected) => {
    expect(parseTailArgs(argv)).toEqual(expected);
  });

  it.each<[string[], string]>([
    [[], 'no path to tail'],
    [['--tail'], 'no path to tail'],
    [['a.log'], 'give files and folders after --tail'],
    [['--tail', 'x', '--port'], '--port needs a number'],
    [['--tail', 'x', '--port', '70000'], '--port needs a number'],
    [['--tail', 'x', '--port', 'abc'], '--port needs a number'],
    [['--tail', 'x', '--host', '0.0.0.0'], 'unknown option --host'],
  ])('%j → error', (argv, error) => {
    const result = parseTailArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });
});
