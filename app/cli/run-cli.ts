import type { Outcome } from '../core/classify/outcome';
import { USAGE, parseArgs } from './args';
import { toEventJson } from './event-json';
import { checkFile, ingestFile } from './read-file';
import type { PartThreads } from './part-thread';
import { createSummary } from './summary';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Exit codes: 0 done, 1 a file could not be read, 2 bad arguments. */
export const EXIT = { ok: 0, unreadable: 1, usage: 2 } as const;

/**
 * Runs one command line and returns the exit code; output goes through `io` so tests need no process.
 * Example: `await runCli(['summarize', 'app.log'], io, classify)`.
 */
export interface CliOptions {
  /** `summarize` reads a large file's second half in a part thread (none: in one part). */
  readonly partThreads?: PartThreads | null;
}

export async function runCli(argv: readonly string[], io: CliIo, classify: (text: string) => Outcome, { partThreads = null }: CliOptions = {}): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (args.kind === 'error') {
    io.err(`quotalens: ${args.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const checks = await Promise.all(args.files.map(checkFile));
  const failures = checks.flatMap((c) => (c.ok ? [] : [c.message]));
  if (failures.length > 0) {
    io.err(failures.map((m) => `quotalens: ${m}\n`).join(''));
    return EXIT.unreadable;
  }
  const summary = createSummary();
  let exit: number = EXIT.ok;
  for (const [i, file] of args.files.entries()) {
    const check = checks[i];
    const size = check?.ok ? check.size : 0;
    const onEvent =
      args.command === 'events'
        ? (event: Parameters<typeof toEventJson>[1]) => io.out(`${JSON.stringify(toEventJson(file, event))}\n`)
        : (event: Parameters<typeof toEventJson>[1]) => summary.addEvent(file, event);
    const split = args.command === 'summarize' && partThreads !== null ? partThreads.split(file, summary) : null;
    const result = await ingestFile({ path: file, size, classify, onEvent, split, textEncoding: args.textEncoding });
    summary.addFile(file, result.ledger);
    if (result.error !== null) {
      io.err(`quotalens: ${result.error}\n`);
      exit = EXIT.unreadable;
    }
  }
  if (args.command === 'summarize') io.out(`${JSON.stringify(summary.toJson(), null, 2)}\n`);
  return exit;
}
