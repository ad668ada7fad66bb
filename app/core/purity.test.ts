import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// app/core runs unchanged in the page, the Web Worker and the Node command line, so it may not
// reach for React, charts, TanStack, the DOM or Node. Test files are exempt (they run under Node).
const CORE = new URL('.', import.meta.url).pathname;
const FORBIDDEN_IMPORT = /from\s+['"](react|react-dom|@tanstack\/[^'"]+|recharts|node:[^'"]+|fs|path|zlib|http|os)['"]/;
const FORBIDDEN_GLOBAL = /\b(window|document|localStorage|sessionStorage|navigator|process|Buffer)\s*[.[]/;
const OUTSIDE_CORE = /from\s+['"]\.\.\/\.\.\/(ingest|data|features|shared|cli|server)\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

// Comments may name these words; only code counts.
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

// Guidance sentences may say "window." too; globals are looked for in code outside string literals.
function withoutStrings(text: string): string {
  return text.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

const files = sourceFiles(CORE).map((path) => [relative(CORE, path), withoutComments(readFileSync(path, 'utf8'))] as const);

describe('app/core is pure', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });
  it.each(files)('%s imports no React, charts, TanStack, DOM or Node', (_name, text) => {
    expect(text).not.toMatch(FORBIDDEN_IMPORT);
    expect(withoutStrings(text)).not.toMatch(FORBIDDEN_GLOBAL);
    expect(text).not.toMatch(OUTSIDE_CORE);
  });
});
