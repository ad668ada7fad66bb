import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The rule as the project's lint runs it: the real config, the text given in place of a file of app/ the type checker knows. */
async function reportedLines(code: string): Promise<number[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'app', 'core', 'time', 'epoch.ts') });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'quotalens/no-date-from-text').map((m) => m.line);
}

describe('quotalens/no-date-from-text (RELIABILITY E2)', () => {
  it('reports the engine parsing text, held in a variable or written out; lets numbers through', async () => {
    const code = [
      'export function probe(text: string, at: number, maybe: string | null, stamp: { raw: string }) {',
      '  const a = new Date(text);',
      '  const b = new Date(at);',
      "  const c = new Date('2026-01-01 10:00');",
      '  const d = Date.parse(text);',
      '  const e = maybe === null ? null : new Date(maybe);',
      '  const f = new Date(stamp.raw);',
      '  const g = new Date(at + 8 * 3_600_000).toISOString();',
      '  return [a, b, c, d, e, f, g];',
      '}',
    ].join('\n');
    expect(await reportedLines(code)).toEqual([2, 4, 5, 6, 7]);
  }, 60_000);
});
