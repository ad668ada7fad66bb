import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The pure core: no UI libraries, no Node APIs, no DOM globals (STYLE: "core is pure", enforced here). */
const here = dirname(fileURLToPath(import.meta.url));
const FOLDERS = ['catalog', 'classify', 'time'].map((f) => join(here, '..', f));
const sources = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => [`${folder.split(/[\\/]/).pop() ?? ''}/${name}`, readFileSync(join(folder, name), 'utf8')] as const),
);

const FORBIDDEN_IMPORT = /from\s+['"](?:react|react-dom|@tanstack\/[^'"]*|recharts|node:[^'"]*|fs|path|os|zlib|stream|http)(?:\/[^'"]*)?['"]/;
const STRINGS = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
const COMMENTS = /\/\*[\s\S]*?\*\/|\/\/.*$/gm;
const FORBIDDEN_GLOBAL = /\b(?:window|document|navigator|localStorage|process|Buffer)\s*[.[(]/;

describe('core purity', () => {
  it('finds the sources', () => expect(sources.length).toBeGreaterThan(20));

  it.each(sources)('%s imports no UI library or Node module and touches no DOM global', (_name, text) => {
    expect(text).not.toMatch(FORBIDDEN_IMPORT);
    const code = text.replace(STRINGS, "''").replace(COMMENTS, '');
    expect(code).not.toMatch(FORBIDDEN_GLOBAL);
    expect(code).not.toMatch(/\brequire\(/);
  });
});
