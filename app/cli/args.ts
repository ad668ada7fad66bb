export const USAGE = `Usage: quotalens <command> FILE...

Reads log files (plain, gzip, UTF-16, HAR, Claude Code transcripts) and reports the Z.ai / Zhipu GLM API
errors found in them, with the same pipeline as the page.

Commands:
  summarize FILE...   print one JSON object: line ledger, outcomes, counts by code and category, latest resets
  events FILE...      print one JSON line per error event

Options:
  --encoding gb18030  read text without a byte order mark as GB18030 / GBK (logs written on Chinese Windows),
                      not UTF-8, as the page's "read the file as" does
  -h, --help          show this help
`;

export type CommandName = 'summarize' | 'events';

export type ParsedArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly command: CommandName; readonly files: readonly string[]; readonly textEncoding?: 'gb18030' }
  | { readonly kind: 'error'; readonly message: string };

const COMMANDS: readonly string[] = ['summarize', 'events'];

/**
 * Reads the command line (after the program name). Never throws.
 * Example: `parseArgs(['events', 'a.log'])` → `{ kind: 'run', command: 'events', files: ['a.log'] }`.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('-h') || argv.includes('--help')) return { kind: 'help' };
  const [command, ...args] = argv;
  if (command === undefined) return { kind: 'error', message: 'no command given' };
  if (!COMMANDS.includes(command)) return { kind: 'error', message: `unknown command: ${command}` };
  const at = args.indexOf('--encoding');
  const encoding = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && encoding !== 'gb18030' && encoding !== 'utf-8') return { kind: 'error', message: `--encoding takes gb18030 or utf-8, not ${encoding ?? 'nothing'}` };
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  const option = rest.find((arg) => arg.startsWith('-') && arg !== '-' && arg !== '--');
  if (option !== undefined) return { kind: 'error', message: `unknown option: ${option}` };
  const files = rest.filter((arg) => arg !== '--');
  if (files.length === 0) return { kind: 'error', message: `${command}: no files given` };
  return { kind: 'run', command: command as CommandName, files, ...(encoding === 'gb18030' ? { textEncoding: encoding } : {}) };
}
