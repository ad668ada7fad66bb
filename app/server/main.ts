import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTailArgs } from './tail-args';
import { TAIL_PATH, startTailServer } from './tail-server';

/**
 * `tsx app/server/main.ts --tail PATH... [--from-start] [--port N]`: tails the paths and serves the
 * built dashboard from `dist/` (when built) on 127.0.0.1, printing the link that opens the live stream.
 */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseTailArgs(argv);
  if (!parsed.ok) {
    console.error(parsed.error);
    return 2;
  }
  const { paths, fromStart, port } = parsed.args;
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) console.warn(`not found yet (followed when they appear): ${missing.join(', ')}`);
  const dist = resolve('dist');
  const staticDir = existsSync(resolve(dist, 'index.html')) ? dist : undefined;
  const server = await startTailServer({ paths: paths.map((p) => resolve(p)), fromStart, host: '127.0.0.1', port, ...(staticDir === undefined ? {} : { staticDir }) });
  const stream = `${server.url}${TAIL_PATH}`;
  console.log(`\nQuotalens is tailing ${paths.length} path(s) ${fromStart ? 'from the start' : 'from the end'}`);
  console.log(staticDir === undefined ? '(no dist/ build found: only the stream is served)' : `Dashboard: ${server.url}/?stream=${encodeURIComponent(stream)}`);
  console.log(`Stream:    ${stream}  (Ctrl+C to stop)\n`);
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
  });
  await server.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
