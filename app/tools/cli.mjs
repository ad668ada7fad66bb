// `npm run cli -- summarize|events FILE...`: runs app/cli/main.ts from a bundle that esbuild builds on
// first use and again whenever a source file is newer. Plain Node starts the command in about 0.1 s,
// where compiling the TypeScript on every run (tsx) took 0.3–0.4 s: a noticeable part of a short run.
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// `npm run cli` runs this in the project's folder: a relative path means the folder the command was typed in.
if (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
const entry = join(root, 'app/cli/main.ts');
// CommonJS, loaded with require: both this thread and the part thread start sooner than with an ES module
// bundle. The 100 MiB NDJSON summary took a median 494 ms against 514 (20 runs each, alternated).
const bundle = join(root, 'node_modules/.cache/quotalens/cli.cjs');
/** What the command line is built from: its own folder and the pure core it shares with the page. */
const sources = ['app/cli', 'app/core'].map((dir) => join(root, dir));

/** Test files are not in the bundle. Paths are joined by hand: `path.join` took half of this walk's 4 ms. */
function newestSourceMs(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${item.name}`;
    if (item.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (item.name.endsWith('.ts') && !item.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleMs() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

const sourceMs = Math.max(...sources.map(newestSourceMs), statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (bundleMs() < sourceMs) {
  // Loaded only to build: importing esbuild costs about 30 ms of every run's start.
  const { build } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  // Built under a name of its own, then renamed: two commands started at once never read half a file.
  const partial = `${bundle}.${process.pid}.partial.cjs`;
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: partial, logLevel: 'warning', legalComments: 'none' });
  renameSync(partial, bundle);
}
const bundleUrl = pathToFileURL(bundle);
// `summarize` reads a file of 16 MiB or more (SPLIT_MIN_BYTES in app/core/formats/split-source.ts) in two
// halves, the second in a thread of the same bundle (app/cli/part-thread.ts). Started here, that thread loads
// beside this one instead of after it: on a 100 MiB file the second half starts about 35 ms after the first
// instead of about 90. It is not started for small files, where starting and ending it costs more than it saves.
const SPLIT_MIN_BYTES = 16 * 1024 * 1024;
const fileBytes = (path) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;
// Options may come before the command: the command is the first word that is not an option or its value.
const words = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('-') && !/^--(zone|encoding)$/.test(all[i - 1] ?? ''));
const splits = words[0] === 'summarize' && availableParallelism() >= 2 && words.slice(1).some((path) => fileBytes(path) >= SPLIT_MIN_BYTES);
const preparedPartThread = splits ? new Worker(bundleUrl, { workerData: { quotalensPartThread: true } }) : null;
const { main } = createRequire(import.meta.url)(bundle);
await main(bundleUrl, preparedPartThread);
