import { basename } from 'node:path';
import type { Ledger } from '../core/ledger/types';
import { fileKeyOf } from '../core/ledger/file-identity';
import { makeControlsVisible } from '../core/text/display-text';
import { USAGE, parseArgs } from './args';
import { toEventJson } from './event-json';
import { checkFile, ingestFile, STDIN } from './read-file';
import type { PartThreads } from './part-thread';
import { createSummary } from './summary';
import type { Classify } from './zone-classifier';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Standard input, read for the file name `-`. */
  readonly stdin?: () => AsyncIterable<Uint8Array>;
}

/** Exit codes: 0 done, 1 a file could not be read, 2 bad arguments. */
export const EXIT = { ok: 0, unreadable: 1, usage: 2 } as const;

export interface CliOptions {
  /** `summarize` reads a large file's second half in a part thread (none: in one part). */
  readonly partThreads?: PartThreads | null;
}

/** A file name or a log's text on stderr: controls and bidi overrides shown, not obeyed by the terminal. */
const shown = (text: string): string => makeControlsVisible(text);

/**
 * Runs one command line and returns the exit code; output goes through `io` so tests need no process.
 * Example: `await runCli(['summarize', 'app.log'], io, classifierFor)`.
 */
export async function runCli(argv: readonly string[], io: CliIo, classifierFor: (localOffsetMinutes: number | undefined) => Classify, { partThreads = null }: CliOptions = {}): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (args.kind === 'error') {
    io.err(`quotalens: ${shown(args.message)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.files.includes(STDIN) && io.stdin === undefined) {
    io.err('quotalens: standard input cannot be read here\n');
    return EXIT.usage;
  }
  const checks = await Promise.all(args.files.map(checkFile));
  const failures = checks.flatMap((c) => (c.ok ? [] : [c.message]));
  if (failures.length > 0) {
    io.err(failures.map((m) => `quotalens: ${shown(m)}\n`).join(''));
    return EXIT.unreadable;
  }
  const classify = classifierFor(args.localOffsetMinutes);
  const summary = createSummary();
  // The page's rule against counting a file twice: the same name, size and modification time is the same file.
  const readAs = new Map<string, string>();
  let exit: number = EXIT.ok;
  for (const [i, file] of args.files.entries()) {
    const check = checks[i];
    if (check === undefined || !check.ok) continue;
    const key = file === STDIN ? STDIN : fileKeyOf({ name: basename(file), size: check.size, lastModified: check.lastModified });
    const first = readAs.get(key);
    if (first !== undefined) {
      io.err(`quotalens: ${shown(file)}: left out, the same file as ${shown(first)}${file === STDIN ? '' : ' (same name, size and modification time)'}\n`);
      continue;
    }
    readAs.set(key, file);
    const onEvent =
      args.command === 'events'
        ? (event: Parameters<typeof toEventJson>[1]) => io.out(`${JSON.stringify(toEventJson(file, event))}\n`)
        : (event: Parameters<typeof toEventJson>[1]) => summary.addEvent(file, event);
    const split = args.command === 'summarize' && partThreads !== null && file !== STDIN ? partThreads.split(file, summary, args.localOffsetMinutes) : null;
    const input = file === STDIN ? io.stdin?.() : undefined;
    const result = await ingestFile({ path: file, size: check.size, classify, onEvent, split, textEncoding: args.textEncoding, input });
    summary.addFile(file, result.ledger);
    const warning = warningOf(result.ledger, args.textEncoding === undefined);
    if (warning !== null) io.err(`quotalens: ${shown(file)}: ${shown(warning)}\n`);
    if (result.error !== null) {
      io.err(`quotalens: ${shown(result.error)}\n`);
      exit = EXIT.unreadable;
    }
  }
  if (args.command === 'summarize') io.out(`${JSON.stringify(summary.toJson(), null, 2)}\n`);
  return exit;
}

/**
 * What a file's ledger says was not read as it should be, for stderr: lines rejected, bytes not split into lines,
 * a file with no line at all, bytes that are not UTF-8. Null when the file read cleanly.
 * Example: `warningOf(ledgerOf('archive.zip'))` → `'nothing read: zip file: not read (extract or decompress it first)'`.
 */
export function warningOf(ledger: Ledger, utf8Assumed: boolean): string | null {
  const parts: string[] = [];
  const rejected = Object.entries(ledger.rejected).filter(([, n]) => (n ?? 0) > 0);
  const rejectedLines = rejected.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  if (rejectedLines > 0) parts.push(`${rejectedLines} line${rejectedLines === 1 ? '' : 's'} rejected (${rejected.map(([reason, n]) => `${reason} ${n}`).join(', ')})`);
  const unsplit = Object.entries(ledger.bytesUnsplittable).filter(([, n]) => (n ?? 0) > 0);
  if (unsplit.length > 0) parts.push(`bytes not read as lines (${unsplit.map(([reason, n]) => `${reason} ${n}`).join(', ')})`);
  const replaced = ledger.flags.invalid_utf8_replaced ?? 0;
  if (replaced > 0 && utf8Assumed) parts.push(`${replaced} record${replaced === 1 ? '' : 's'} held bytes that are not UTF-8; a log written on Chinese Windows reads right with --encoding gb18030`);
  if (parts.length === 0 && ledger.lines > 0) return null;
  const head = ledger.lines === 0 ? ['nothing read'] : [];
  return [...head, ...parts, ...ledger.notices].join('; ');
}
