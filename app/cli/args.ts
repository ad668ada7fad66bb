import { describeIngestLimits, INGEST_LIMITS, LINE_CAP_RANGE, parseSize, sizeText } from '../core/formats/ingest-limits';
import { isNamedZone } from '../core/time/named-zone';
import { decodeResetOffset } from '../core/view-state';

/** Words into lines of at most `width` characters, as the rest of the help is written. */
function wrap(text: string, width = 110): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

export const USAGE = `Usage: npm run -s cli -- <command> [options] FILE...

Reads log files (plain, gzip, UTF-16, HAR, Claude Code transcripts) and reports the Z.ai / Zhipu GLM API
errors found in them, with the same pipeline and the same numbers as the page. FILE - reads standard input.
Relative paths are read from the folder the command was run in.

Commands:
  summarize FILE...   print one JSON object: line ledger, outcomes, counts by code and category, latest
                      resets, resets set aside as implausible, request ids that two files or more
                      logged, and each file's own ledger, with examples of its rejected lines (line,
                      size in bytes, a short preview)
  events FILE...      print one JSON line per error event (time, code, category, message, reset, where
                      in the file); files with rejected lines, bytes not read or a notice of
                      something wrong are named on stderr

Options:
  --zone ZONE         the zone of times written without one: local (the default, this machine's zone,
                      as the page uses the viewer's), UTC, an offset such as +08:00, UTC+8 or -5, or a
                      named zone such as America/New_York (daylight saving included)
  --encoding NAME     gb18030 (or gbk): read text without a byte order mark as GB18030, as logs written
                      on Chinese Windows are, like the page's "read the file as"; utf-8 is the default
  --max-line SIZE     read lines up to SIZE (such as 16MiB; from ${sizeText(LINE_CAP_RANGE.min)} to ${sizeText(LINE_CAP_RANGE.max)}) rather than
                      ${sizeText(INGEST_LIMITS.maxLineBytes)}, like the page's "read lines up to" for a source with lines too long
  -h, --help          show this help
  --                  every argument after it is a file name

Times are printed in UTC (ISO 8601, ending in Z). A file given twice, by any path or link, is read once, as on
the page. A file is read to the size it had when the command began. Exit codes: 0 done; 1 a file could not
be read (nothing is printed when one is missing) or was cut short while it was read; 2 bad arguments.

${wrap(`Limits, as on the page: ${describeIngestLimits().join('; ')}. Whatever a limit stops is counted in the ledger, never dropped silently.`)}
`;

export type CommandName = 'summarize' | 'events';

export type ParsedArgs =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'run';
      readonly command: CommandName;
      readonly files: readonly string[];
      readonly textEncoding?: 'gb18030';
      /** Minutes east of UTC for zone-less times; absent: this machine's zone. */
      readonly localOffsetMinutes?: number;
      /** A named zone (`--zone America/New_York`) for zone-less times, daylight saving included. */
      readonly localZone?: string;
      /** `--max-line`, when it is not the default cap. */
      readonly maxLineBytes?: number;
    }
  | { readonly kind: 'error'; readonly message: string };

const COMMANDS: readonly string[] = ['summarize', 'events'];

/** The names `--encoding` takes, by what they read as. GBK and GB2312 are subsets of GB18030. */
const ENCODINGS: Readonly<Record<string, 'gb18030' | 'utf-8'>> = { gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', 'utf-8': 'utf-8', utf8: 'utf-8' };

/**
 * Minutes east of UTC from `UTC`, `Z`, `+08:00`, `+0800`, `UTC+8`, `-5`, `+5:30`; null for `local`; undefined
 * when it reads as none of them. Example: `parseZone('UTC+5:30')` → 330.
 */
export function parseZone(text: string): number | null | undefined {
  const zone = text.trim().toLowerCase();
  if (zone === 'local') return null;
  if (zone === 'z' || zone === 'gmt') return 0;
  // As the page's rtz= reads zones (utc, utc+8, utc-5:30), once the spellings of an offset are made one.
  const m = /^(?:utc|gmt)?([+\-−])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  const decoded = decodeResetOffset(m === null ? zone : `utc${m[1] === '+' ? '+' : '-'}${Number(m[2])}${m[3] === undefined ? '' : `:${m[3]}`}`);
  return 'value' in decoded ? decoded.value : undefined;
}

/**
 * Reads the command line (after the program name): options may come anywhere, as `--name value` or
 * `--name=value`, until `--`. Never throws.
 * Example: `parseArgs(['events', 'a.log'])` → `{ kind: 'run', command: 'events', files: ['a.log'] }`.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const words: string[] = [];
  const options = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (!arg.startsWith('-') || arg === '-') {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (name !== '--encoding' && name !== '--zone' && name !== '--max-line') return { kind: 'error', message: `unknown option: ${arg}` };
    const value = eq < 0 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq < 0) i += 1;
    options.set(name, value);
  }
  const [command, ...files] = words;
  if (command === undefined) return { kind: 'error', message: 'no command given' };
  if (!COMMANDS.includes(command)) return { kind: 'error', message: `unknown command: ${command}` };
  const encodingName = options.get('--encoding');
  const encoding = options.has('--encoding') ? ENCODINGS[(encodingName ?? '').toLowerCase()] : undefined;
  if (options.has('--encoding') && encoding === undefined) return { kind: 'error', message: `--encoding takes gb18030 (or gbk) or utf-8, not ${encodingName || 'nothing'}` };
  const zoneText = options.get('--zone');
  const named = zoneText !== undefined && isNamedZone(zoneText.trim()) && zoneText.trim() !== 'UTC' ? zoneText.trim() : undefined;
  const zone = options.has('--zone') && named === undefined ? parseZone(zoneText ?? '') : null;
  if (zone === undefined) return { kind: 'error', message: `--zone takes local, UTC, an offset such as +08:00 or a named zone such as America/New_York, not ${zoneText || 'nothing'}` };
  const capText = options.get('--max-line');
  const cap = options.has('--max-line') ? parseSize(capText ?? '') : INGEST_LIMITS.maxLineBytes;
  if (cap === null || cap < LINE_CAP_RANGE.min || cap > LINE_CAP_RANGE.max) {
    return { kind: 'error', message: `--max-line takes a size from ${sizeText(LINE_CAP_RANGE.min)} to ${sizeText(LINE_CAP_RANGE.max)}, such as 16MiB, not ${capText || 'nothing'}` };
  }
  if (files.length === 0) return { kind: 'error', message: `${command}: no files given` };
  return {
    kind: 'run',
    command: command as CommandName,
    files,
    ...(encoding === 'gb18030' ? { textEncoding: encoding } : {}),
    ...(zone === null ? {} : { localOffsetMinutes: zone }),
    ...(named === undefined ? {} : { localZone: named }),
    ...(cap === INGEST_LIMITS.maxLineBytes ? {} : { maxLineBytes: cap }),
  };
}
