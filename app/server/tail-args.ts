export interface TailArgs {
  readonly paths: readonly string[];
  readonly fromStart: boolean;
  readonly port: number;
}

export type TailArgsResult = { readonly ok: true; readonly args: TailArgs } | { readonly ok: false; readonly error: string };

export const DEFAULT_TAIL_PORT = 4173;

export const TAIL_USAGE = 'usage: npm start -- --tail PATH... [--from-start] [--port N]';

/**
 * Reads `--tail PATH... [--from-start] [--port N]` (also `--port=N`); never throws.
 * parseTailArgs(['--tail', 'a.log', 'logs/', '--port', '0']) -> { ok: true, args: { paths: ['a.log', 'logs/'], fromStart: false, port: 0 } }
 */
export function parseTailArgs(argv: readonly string[]): TailArgsResult {
  const paths: string[] = [];
  let fromStart = false;
  let port = DEFAULT_TAIL_PORT;
  let isInTail = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--tail') isInTail = true;
    else if (arg === '--from-start') fromStart = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const parsed = readPort(value);
      if (parsed === null) return { ok: false, error: `--port needs a number from 0 to 65535 (got ${value ?? 'nothing'})` };
      port = parsed;
    } else if (arg.startsWith('--')) return { ok: false, error: `unknown option ${arg}\n${TAIL_USAGE}` };
    else if (isInTail) paths.push(arg);
    else return { ok: false, error: `${arg}: give files and folders after --tail\n${TAIL_USAGE}` };
  }
  if (paths.length === 0) return { ok: false, error: `no path to tail\n${TAIL_USAGE}` };
  return { ok: true, args: { paths, fromStart, port } };
}

function readPort(value: string | undefined): number | null {
  if (value === undefined || !/^[0-9]{1,5}$/.test(value)) return null;
  const port = Number(value);
  return port <= 65_535 ? port : null;
}
