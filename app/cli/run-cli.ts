import { makeControlsVisible } from '../core/text/display-text';
import { USAGE, parseArgs } from './args';
import { toEventJson } from './event-json';
import { warningOf } from './file-warning';
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
export async function runCli(argv: readonly string[], io: CliIo, classifierFor: (localOffsetMinutes: number | undefined, localZone?: string) => Classify, { partThreads = null }: CliOptions = {}): Promise<number> {
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
  const classify = classifierFor(args.localOffsetMinutes, args.localZone);
  // Request ids are compared across files, as the Sources panel does: one file has none to share.
  const compareRequestIds = args.command === 'summarize' && new Set(checks.flatMap((c) => (c.ok ? [c.identity] : []))).size > 1;
  const summary = createSummary({ compareRequestIds });
  // As the page, a file is counted once. The page knows a file by its name, size and modification time; here
  // the file itself is known, whatever path names it, so two files alike in those are both read.
  const readAs = new Map<string, string>();
  let exit: number = EXIT.ok;
  for (const [i, file] of args.files.entries()) {
    const check = checks[i];
    if (check === undefined || !check.ok) continue;
    const first = readAs.get(check.identity);
    if (first !== undefined) {
      io.err(`quotalens: ${shown(file)}: left out, the same file as ${shown(first)}\n`);
      continue;
    }
    readAs.set(check.identity, file);
    const onEvent =
      args.command === 'events'
        ? (event: Parameters<typeof toEventJson>[1]) => io.out(`${toTerminalJson(toEventJson(file, event))}\n`)
        : (event: Parameters<typeof toEventJson>[1]) => summary.addEvent(file, event);
    const split = args.command === 'summarize' && partThreads !== null && file !== STDIN ? partThreads.split(file, summary, { localOffsetMinutes: args.localOffsetMinutes, localZone: args.localZone, maxLineBytes: args.maxLineBytes, compareRequestIds }) : null;
    const input = file === STDIN ? io.stdin?.() : undefined;
    const result = await ingestFile({ path: file, size: check.size, classify, onEvent, split, textEncoding: args.textEncoding, maxLineBytes: args.maxLineBytes, input });
    summary.addFile(file, result.ledger);
    const warning = warningOf(result.ledger, { utf8Assumed: args.textEncoding === undefined });
    if (warning !== null) io.err(`quotalens: ${shown(file)}: ${shown(warning)}\n`);
    if (result.error !== null) {
      io.err(`quotalens: ${shown(result.error)}\n`);
      exit = EXIT.unreadable;
    }
  }
  if (args.command === 'summarize') io.out(`${toTerminalJson(summary.toJson(), 2)}\n`);
  return exit;
}

/**
 * JSON whose strings hold no character a terminal or an editor would obey rather than show: `JSON.stringify`
 * escapes C0 controls only, and a log's message can hold a bidi override or a C1 control (CSI). Escaped as
 * `\uXXXX`, the JSON parses to the same value.
 */
export function toTerminalJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
