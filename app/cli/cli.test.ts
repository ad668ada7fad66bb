import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIngestLimits, recordsCutText } from '../core/formats/ingest-limits';
import { parseArgs } from './args';
import { formatCount } from './format-count';
import { EXIT, runCli } from './run-cli';
import { classifierFor, type Classify } from './zone-classifier';

const LOGS = 'e2e/fixtures/logs';
/** Zone-less times in UTC unless `--zone` says otherwise, whatever the machine's zone. */
const classifierInUtc = (localOffsetMinutes: number | undefined, localZone?: string) => classifierFor(localOffsetMinutes ?? (localZone === undefined ? 0 : undefined), localZone);

async function run(argv: string[], stdin?: Uint8Array[], classifier = classifierInUtc): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => (out += t),
    err: (t: string) => (err += t),
    ...(stdin === undefined ? {} : { stdin: async function* () { yield* stdin; } }),
  };
  const code = await runCli(argv, io, classifier);
  return { code, out, err };
}

/** A classifier in UTC that calls `act` once, at the first record: while the file is being read. */
function classifierThatActs(act: () => void): (localOffsetMinutes: number | undefined) => Classify {
  let hasActed = false;
  return (localOffsetMinutes) => {
    const classify = classifierInUtc(localOffsetMinutes);
    return (text) => {
      if (!hasActed) act();
      hasActed = true;
      return classify(text);
    };
  };
}

describe('parseArgs', () => {
  it.each([
    [[], { kind: 'error', message: 'no command given' }],
    [['--help'], { kind: 'help' }],
    [['events', '-h'], { kind: 'help' }],
    [['frobnicate', 'a.log'], { kind: 'error', message: 'unknown command: frobnicate' }],
    [['summarize'], { kind: 'error', message: 'summarize: no files given' }],
    [['events', '--json', 'a.log'], { kind: 'error', message: 'unknown option: --json' }],
    [['events', 'a.log', 'b.log.gz'], { kind: 'run', command: 'events', files: ['a.log', 'b.log.gz'] }],
    [['summarize', '--encoding', 'gb18030', 'a.log'], { kind: 'run', command: 'summarize', files: ['a.log'], textEncoding: 'gb18030' }],
    [['summarize', 'a.log', '--encoding', 'utf-8'], { kind: 'run', command: 'summarize', files: ['a.log'] }],
    [['summarize', '--encoding', 'latin1', 'a.log'], { kind: 'error', message: '--encoding takes gb18030 (or gbk) or utf-8, not latin1' }],
    [['summarize', 'a.log', '--encoding'], { kind: 'error', message: '--encoding takes gb18030 (or gbk) or utf-8, not nothing' }],
    [['--encoding=GBK', 'summarize', 'a.log'], { kind: 'run', command: 'summarize', files: ['a.log'], textEncoding: 'gb18030' }],
    [['events', '--zone', '+08:00', 'a.log'], { kind: 'run', command: 'events', files: ['a.log'], localOffsetMinutes: 480 }],
    [['events', '--zone=UTC-5', 'a.log'], { kind: 'run', command: 'events', files: ['a.log'], localOffsetMinutes: -300 }],
    [['events', '--zone', '-5:30', 'a.log'], { kind: 'run', command: 'events', files: ['a.log'], localOffsetMinutes: -330 }],
    [['events', '--zone', 'local', 'a.log'], { kind: 'run', command: 'events', files: ['a.log'] }],
    [['events', '--zone', 'Mars', 'a.log'], { kind: 'error', message: '--zone takes local, UTC, an offset such as +08:00 or a named zone such as America/New_York, not Mars' }],
    [['events', '--zone', '+15', 'a.log'], { kind: 'error', message: '--zone takes local, UTC, an offset such as +08:00 or a named zone such as America/New_York, not +15' }],
    [['events', '--zone', 'Mars/Olympus', 'a.log'], { kind: 'error', message: '--zone takes local, UTC, an offset such as +08:00 or a named zone such as America/New_York, not Mars/Olympus' }],
    [['events', '--zone', 'America/New_York', 'a.log'], { kind: 'run', command: 'events', files: ['a.log'], localZone: 'America/New_York' }],
    [['events', '--zone=UTC', 'a.log'], { kind: 'run', command: 'events', files: ['a.log'], localOffsetMinutes: 0 }],
    [['summarize', '--max-line', '16MiB', 'a.log'], { kind: 'run', command: 'summarize', files: ['a.log'], maxLineBytes: 16 * 2 ** 20 }],
    [['summarize', '--max-line=64M', 'a.log'], { kind: 'run', command: 'summarize', files: ['a.log'], maxLineBytes: 64 * 2 ** 20 }],
    [['summarize', '--max-line', '4MiB', 'a.log'], { kind: 'run', command: 'summarize', files: ['a.log'] }],
    [['summarize', '--max-line', '10', 'a.log'], { kind: 'error', message: '--max-line takes a size from 1 KiB to 256 MiB, such as 16MiB, not 10' }],
    [['summarize', '--max-line', '1GiB', 'a.log'], { kind: 'error', message: '--max-line takes a size from 1 KiB to 256 MiB, such as 16MiB, not 1GiB' }],
    [['summarize', 'a.log', '--max-line'], { kind: 'error', message: '--max-line takes a size from 1 KiB to 256 MiB, such as 16MiB, not nothing' }],
    [['events', '-', '--', '-odd.log', '--zone'], { kind: 'run', command: 'events', files: ['-', '-odd.log', '--zone'] }],
  ])('%j', (argv, expected) => expect(parseArgs(argv)).toEqual(expected));
});

describe('summarize a large file', () => {
  it('gives the same summary when its second half is read by a second thread, kept for the next file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotalens-cli-'));
    const path = join(dir, 'large.log');
    const http = 'HTTP/1.1 429 Too Many Requests\nContent-Type: application/json\n\n{\n  "error": {"code": "1302", "message": "Rate limit reached for requests"}\n}';
    const retries = [1, 2].map((n) => `{"type":"system","subtype":"api_error","retryAttempt":${n},"maxRetries":10,"error":{"status":429,"error":{"code":"1302","message":"Rate limit"}}}`).join('\n');
    // Event times and resets grow through the file, so the latest 5-hour reset comes from its second half.
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const block = (b: number) => {
      const t = Date.UTC(2026, 10, 20) + b * 60_000;
      return Array.from({ length: 400 }, (_, i) => {
        if (i === 5) return `{"ts":"${iso(t)}","status":429,"request_id":"20261120${String(b).padStart(6, '0')}a1b2c3d4e5f6a7b8","error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at ${beijing(t + 3_600_000)}"}}`;
        if (i === 9 && b === 3) return `{"ts":"${iso(t)}","status":429,"error":{"code":"1310","message":"Weekly/Monthly Limit Exhausted. Your limit will reset at ${beijing(t + 86_400_000)}"}}`;
        if (i === 50) return http;
        if (i === 80) return retries;
        return i % 7 === 0 ? `${iso(t)} ERROR {"error":{"code":"1305","message":"The service may be temporarily overloaded, please try again later"}}` : `${iso(t)} INFO step ${i} ok`;
      }).join('\n');
    };
    const blocks: string[] = [];
    for (let b = 0, bytes = 0; bytes < 17 * 1024 * 1024; b += 1) {
      blocks.push(block(b));
      bytes += blocks[b]?.length ?? 0;
    }
    writeFileSync(path, `${blocks.join('\n')}\n`);
    // The same text under another name: another file, whose second half the same part thread reads.
    const again = join(dir, 'large-again.log');
    writeFileSync(again, `${blocks.join('\n')}\n`);
    const threaded = spawnSync('node', ['app/tools/cli.mjs', 'summarize', '--zone', 'UTC', path, again], { encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(threaded.status).toBe(0);
    const { out } = await run(['summarize', path, again]);
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse(out));
    expect(JSON.parse(out).resets).toHaveLength(2);
    expect(JSON.parse(out).files).toHaveLength(2);
    // Each block's 1308 has its own request id, which both files hold: the part thread hands its ids back.
    expect(JSON.parse(out).sharedRequestIds).toEqual({ checked: true, ids: blocks.length, eventsByFile: { [path]: blocks.length, [again]: blocks.length } });
    rmSync(dir, { recursive: true });
  }, 60_000);
});

describe('--zone with a named zone', () => {
  it('reads zone-less times with the offset of their own date, in both halves of a large file read by two threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotalens-cli-'));
    const path = join(dir, 'new-york.log');
    const error = (stamp: string) => `${stamp} ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`;
    const filler = Array.from({ length: 480_000 }, (_, i) => `2026-03-08 00:00:00 INFO step ${i} ok`).join('\n');
    // 03:30 EDT is 07:30 UTC; its reset, 16:00 in Beijing, is 08:00 UTC: it fits only if 03:30 is read as EDT (as EST,
    // the error would come after its reset; in UTC, the reset would be more than five hours on).
    const quota = '2026-03-08 03:30:00 ERROR {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-03-08 16:00:00"}}';
    // 01:30 EST and 03:30 EDT, either side of the change on 2026-03-08; the second in the file's second half.
    writeFileSync(path, `${error('2026-03-08 01:30:00')}\n${filler}\n${error('2026-03-08 03:30:00')}\n${quota}\n`);
    const times = (out: string) => out.trim().split('\n').map((line) => JSON.parse(line).ts);
    expect(times((await run(['events', '--zone', 'America/New_York', path])).out)).toEqual(['2026-03-08T06:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-08T07:30:00.000Z']);
    // In a machine zone far from New York, so that a half read in it would set the reset aside.
    const threaded = spawnSync('node', ['app/tools/cli.mjs', 'summarize', '--zone', 'America/New_York', path], { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, TZ: 'Asia/Tokyo' } });
    expect(threaded.status).toBe(0);
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse((await run(['summarize', '--zone', 'America/New_York', path])).out));
    expect(JSON.parse(threaded.stdout)).toMatchObject({ resets: [{ code: '1308', resetAt: '2026-03-08T08:00:00.000Z' }], resetsSetAside: [] });
    rmSync(dir, { recursive: true });
  }, 60_000);
});

describe('--max-line', () => {
  it('reads lines longer than the default cap, in both halves of a large file, and says so when it was not given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotalens-cli-'));
    const path = join(dir, 'long-lines.log');
    // A whole request logged on one line with its 1302: 4.5 MiB, past the default 4 MiB. One in each half.
    const long = (s: number) => `2026-11-27T10:00:0${s}Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"},"request":"${'x'.repeat(4.5 * 2 ** 20)}"}`;
    const short = Array.from({ length: 120_000 }, (_, i) => `2026-11-27T10:01:00Z INFO step ${i} ok`).join('\n');
    writeFileSync(path, `${long(1)}\n${short}\n${short}\n${long(2)}\n`);
    const asDefault = await run(['summarize', path]);
    expect(JSON.parse(asDefault.out)).toMatchObject({ outcomes: { catalogued: 0 }, rejectedByReason: { line_too_long: 2 } });
    expect(asDefault.err).toContain('; --max-line 5MiB reads them all');
    // A cap still too small says so again.
    expect((await run(['summarize', '--max-line', '2MiB', path])).err).toContain('line_too_long 2: first line 1, 4,718,701 bytes); --max-line 5MiB reads them all');
    const raised = await run(['summarize', '--max-line', '16MiB', path]);
    expect(raised.err).toBe('');
    expect(JSON.parse(raised.out)).toMatchObject({ outcomes: { catalogued: 2 }, byCode: { '1302': 2 } });
    expect(JSON.parse(raised.out).rejectedByReason).toEqual({});
    // The command as typed reads the second half in a thread of its own, with the same cap.
    const threaded = spawnSync('node', ['app/tools/cli.mjs', 'summarize', '--zone', 'UTC', '--max-line', '16MiB', path], { encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(threaded.status).toBe(0);
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse(raised.out));
    rmSync(dir, { recursive: true });
  }, 60_000);
});

describe('summarize', () => {
  it('counts the transcript: one event per incident, retries folded, every line counted', async () => {
    const { code, out } = await run(['summarize', `${LOGS}/claude-session.jsonl`]);
    expect(code).toBe(EXIT.ok);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject({ lines: 9, events: 2, retriesFolded: 3, byCode: { '1308': 1, '1113': 1 } });
    expect(summary.outcomes.catalogued + summary.outcomes.uncatalogued).toBe(5);
    expect(summary.resets).toEqual([
      { code: '1308', window: '5-hour', resetAt: '2026-08-25T06:41:44.000Z', file: `${LOGS}/claude-session.jsonl`, line: 6 },
    ]);
  });

  it('A9: reads a log written on Chinese Windows as GB18030 when told, finding the error only its Chinese wording names', async () => {
    const file = `${LOGS}/gbk-windows.log`;
    const asUtf8 = JSON.parse((await run(['summarize', file])).out);
    expect(asUtf8).toMatchObject({ lines: 4, outcomes: { catalogued: 2, nonError: 2 }, byCode: { '1308': 1, '1113': 1 } });
    expect(asUtf8.files[0].flags.invalid_utf8_replaced).toBe(4);
    const asGb = JSON.parse((await run(['summarize', '--encoding', 'gb18030', file])).out);
    expect(asGb).toMatchObject({ lines: 4, outcomes: { catalogued: 3, nonError: 1 }, byCode: { '1308': 2, '1113': 1 } });
    expect(asGb.files[0].flags.invalid_utf8_replaced).toBeUndefined();
    expect(asGb.files[0].notices).toContain('decoded as GB18030, as asked');
  });

  it('totals several files, plain and gzip, with per-file ledgers that reconcile', async () => {
    const files = ['mixed.log', 'app.log.gz', 'multi-member.log.gz', 'crlf.log', 'utf16le-bom.log'].map((f) => `${LOGS}/${f}`);
    const { code, out } = await run(['summarize', ...files]);
    expect(code).toBe(EXIT.ok);
    const summary = JSON.parse(out);
    expect(summary.files.map((f: { file: string }) => f.file)).toEqual(files);
    expect(summary.files.map((f: { lines: number }) => f.lines)).toEqual([29, 4, 4, 4, 4]);
    expect(summary.lines).toBe(45);
    const { catalogued, uncatalogued, nonError, rejected } = summary.outcomes;
    expect(catalogued + uncatalogued + nonError + rejected).toBe(45);
    expect(summary.bytes.read).toBe(summary.bytes.inLines);
    expect(summary.byCode['1308']).toBeGreaterThanOrEqual(5);
    expect(summary.files[1].notices).toContain('gzip, 1 member');
    expect(summary.files[2].notices).toContain('gzip, 2 members');
  });

  it('names the request ids that more than one file logged, as the Sources panel does', async () => {
    const files = ['mixed.log', 'claude-session.jsonl', 'app.log.gz'].map((f) => `${LOGS}/${f}`);
    const summary = JSON.parse((await run(['summarize', ...files])).out);
    // 2026082510192…: the incident in all three; 2026082510301…: in mixed.log and app.log.gz.
    expect(summary.sharedRequestIds).toEqual({ checked: true, ids: 2, eventsByFile: { [files[0]!]: 2, [files[1]!]: 1, [files[2]!]: 2 } });
    // One file has no other to share an id with.
    expect(JSON.parse((await run(['summarize', files[0]!])).out).sharedRequestIds).toEqual({ checked: false, ids: 0, eventsByFile: {} });
  });

  it('reports hostile files in the ledger instead of failing', async () => {
    const names = ['truncated.log.gz', 'trailing-zeros.log.gz', 'archive.zip', 'image.png', 'empty.log', 'nul-and-invalid-utf8.log'];
    const { code, out } = await run(['summarize', ...names.map((f) => `${LOGS}/${f}`)]);
    expect(code).toBe(EXIT.ok);
    const [truncated, zeros, zip, png, empty, nul] = JSON.parse(out).files;
    expect(truncated.rejected).toEqual({ truncated_record: 1 });
    // A gzip file's own bytes are in its compressed ledger, to the file's size; its line ledger counts text only.
    const sizeOf = (name: string) => readFileSync(`${LOGS}/${name}`).length;
    expect(truncated.compressed).toEqual({ bytesRead: sizeOf('truncated.log.gz'), bytesInflated: sizeOf('truncated.log.gz'), bytesUnsplittable: {} });
    expect(zeros.bytesUnsplittable).toEqual({});
    expect(zeros.compressed).toEqual({ bytesRead: sizeOf('trailing-zeros.log.gz'), bytesInflated: sizeOf('trailing-zeros.log.gz') - 512, bytesUnsplittable: { decompression_error: 512 } });
    expect(zeros.bytesRead).toBe(zeros.bytesInLines);
    expect(zip.compressed).toBeUndefined();
    expect(zip.bytesUnsplittable).toEqual({ unsupported_format: 64 });
    expect(png.bytesUnsplittable).toEqual({ binary_data: 16 });
    expect(empty.notices).toEqual(['file is empty']);
    expect(nul).toMatchObject({ lines: 4, rejected: { binary_data: 1 }, flags: { invalid_utf8_replaced: 1 } });
  });
});

describe('what the page does too', () => {
  it('reads a file given twice once, as the page does, and says so on stderr', async () => {
    const file = `${LOGS}/mixed.log`;
    const once = JSON.parse((await run(['summarize', file])).out);
    const twice = await run(['summarize', file, `./${file}`]);
    expect(JSON.parse(twice.out)).toEqual(once);
    expect(twice.err).toBe(`quotalens: ./${file}: left out, the same file as ${file}\n`);
  });

  it('knows a file by itself, not by its name: two files alike in name, size and time are both read, a link to one is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotalens-cli-'));
    const line = (code: string) => `{"ts":"2026-11-27T10:00:00Z","error":{"code":"${code}","message":"Rate limit reached for requests"}}\n`;
    for (const [sub, code] of [['s1', '1302'], ['s2', '1113']] as const) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'app.log'), line(code));
      utimesSync(join(dir, sub, 'app.log'), 1_795_000_000, 1_795_000_000);
    }
    symlinkSync(join(dir, 's1', 'app.log'), join(dir, 'link.log'));
    const { out, err } = await run(['summarize', join(dir, 's1', 'app.log'), join(dir, 's2', 'app.log'), join(dir, 'link.log')]);
    expect(JSON.parse(out).byCode).toEqual({ '1113': 1, '1302': 1 });
    expect(err).toBe(`quotalens: ${join(dir, 'link.log')}: left out, the same file as ${join(dir, 's1', 'app.log')}\n`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads standard input for -, with the numbers of the file itself', async () => {
    const file = `${LOGS}/app.log.gz`;
    const fromFile = JSON.parse((await run(['summarize', file])).out);
    const fromStdin = JSON.parse((await run(['summarize', '-'], [readFileSync(file).subarray(0, 100), readFileSync(file).subarray(100)])).out);
    const withoutNames = (s: { files: { file: string }[]; resets: { file: string }[]; resetsSetAside: unknown[] }) => ({
      ...s, files: s.files.map((f) => ({ ...f, file: '' })), resets: s.resets.map((r) => ({ ...r, file: '' })), resetsSetAside: s.resetsSetAside.length,
    });
    expect(withoutNames(fromStdin)).toEqual(withoutNames(fromFile));
    expect(fromStdin.bytes.source).toBe(readFileSync(file).length);
  });

  it('reads zone-less times in the zone given, and lists the resets it set aside as implausible', async () => {
    // app.log.gz was written in Beijing: read as UTC, its 1308 reset falls before its error.
    const file = `${LOGS}/app.log.gz`;
    const asUtc = JSON.parse((await run(['summarize', file])).out);
    expect(asUtc.resets).toEqual([]);
    expect(asUtc.resetsSetAside).toEqual([
      { window: '5-hour', count: 1, latest: expect.objectContaining({ code: '1308', written: '2026-08-25 14:41:44', file }) },
    ]);
    expect(asUtc.resetsSetAside[0].latest.reason).toMatch(/before/);
    // Shanghai by name is UTC+8 all year: the same reading.
    const asShanghai = JSON.parse((await run(['summarize', '--zone', 'Asia/Shanghai', file])).out);
    expect(asShanghai.resets).toEqual([expect.objectContaining({ code: '1308', window: '5-hour', resetAt: '2026-08-25T06:41:44.000Z' })]);
    const asBeijing = JSON.parse((await run(['summarize', '--zone', '+08:00', file])).out);
    expect(asBeijing.resets).toEqual([expect.objectContaining({ code: '1308', window: '5-hour', resetAt: '2026-08-25T06:41:44.000Z' })]);
    expect(asBeijing.resetsSetAside).toEqual([]);
  });
});

describe('stderr tells what was not read', () => {
  it.each([
    ['archive.zip', 'nothing read; bytes not read as lines (unsupported_format 64); zip file: not read (extract or decompress it first)'],
    ['truncated.log.gz', '1 line rejected (truncated_record 1: line 3, 157 bytes); gzip, 1 member; gzip data ends inside member 1 at byte 275: the file is truncated'],
    ['empty.log', 'nothing read; file is empty'],
    ['gbk-windows.log', '4 records held bytes that are not UTF-8; a log written on Chinese Windows reads right with --encoding gb18030'],
  ])('%s', async (name, warning) => {
    const { code, err } = await run(['events', `${LOGS}/${name}`]);
    expect(code).toBe(EXIT.ok);
    expect(err).toBe(`quotalens: ${LOGS}/${name}: ${warning}\n`);
  });

  it('names a gzip whose trailer does not match its data, though every line was read', async () => {
    const gzip = gzipSync(Buffer.from('{"ts":"2026-11-27T10:00:00Z","error":{"code":"1302","message":"Rate limit reached for requests"}}\n'));
    gzip[gzip.length - 8] = (gzip[gzip.length - 8] ?? 0) ^ 0xff;
    const { code, err } = await run(['summarize', '-'], [gzip]);
    expect(code).toBe(EXIT.ok);
    expect(err).toBe('quotalens: -: gzip, 1 member; gzip member 1: checksum or size in the trailer does not match; its data may be corrupt\n');
  });

  it('prints a bidi override or a C1 control of a log as an escape, JSON that parses to the same text', async () => {
    const message = 'Rate limit \u202Egnp.exe\u009B31m reached';
    const line = `{"ts":"2026-11-27T10:00:00Z","error":{"code":"1302","message":"${message}"}}\n`;
    const { out } = await run(['events', '-'], [new TextEncoder().encode(line)]);
    expect(out).not.toMatch(/[\u202E\u009B]/);
    expect(out).toContain('\\u202e');
    expect(JSON.parse(out).message).toBe(message);
  });

  it('says nothing for a file read cleanly, nor for GB18030 read as asked', async () => {
    expect((await run(['summarize', `${LOGS}/mixed.log`, `${LOGS}/claude-session.jsonl`])).err).toBe('');
    expect((await run(['summarize', '--encoding', 'gb18030', `${LOGS}/gbk-windows.log`])).err).toBe('');
  });

  it('shows the controls of a hostile file name, never sends them to the terminal', async () => {
    const { err } = await run(['summarize', 'nope\u202e\u001b[31mred.log']);
    expect(err).toBe('quotalens: nope⟨U+202E⟩␛[31mred.log: no such file\n');
  });
});

describe('files that are hostile to the reader (RELIABILITY A13, A24, A7)', () => {
  const LINE_1302 = '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"Rate limit reached for requests"}}\n';
  const inTempDir = async (name: string, test: (path: string) => Promise<void>) => {
    const dir = mkdtempSync(join(tmpdir(), 'quotalens-cli-'));
    try {
      await test(join(dir, name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('A13: names the line and the exact size of a line too long, and each rejected line in the summary with a safe preview', () =>
    inTempDir('long.log', async (path) => {
      const long = 'x'.repeat(5 * 1024 * 1024 + 1); // past the 4 MiB cap, as a 100 MiB line is
      const hostile = '{"error": "Rate \u202Egnp.exe\u001b[31m';
      const wide = `{"error": "${'中'.repeat(200)}`;
      writeFileSync(path, `${long}\n${hostile}\n${wide}\n${LINE_1302}`);
      const { code, out, err } = await run(['summarize', path]);
      expect(code).toBe(EXIT.ok);
      const hostileBytes = Buffer.byteLength(hostile);
      expect(err).toBe(`quotalens: ${path}: 3 lines rejected (line_too_long 1: line 1, 5,242,881 bytes; malformed_json 2: first line 2, ${hostileBytes} bytes); --max-line 6MiB reads them all\n`);
      const [file] = JSON.parse(out).files;
      expect(file).toMatchObject({ lines: 4, catalogued: 1, rejected: { line_too_long: 1, malformed_json: 2 } });
      expect(file.examples).toEqual({
        line_too_long: [{ line: 1, bytes: 5 * 1024 * 1024 + 1, preview: `${'x'.repeat(80)}…` }],
        malformed_json: [
          { line: 2, bytes: hostileBytes, preview: '{"error": "Rate ⟨U+202E⟩gnp.exe␛[31m' },
          { line: 3, bytes: Buffer.byteLength(wide), preview: `${`{"error": "${'中'.repeat(200)}`.slice(0, 80)}…` },
        ],
      });
      // eslint-disable-next-line no-control-regex -- no control of a log reaches the terminal
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    }));

  it('counts a record cut at the cap of a record, and says on stderr what became of the lines after it', () =>
    inTempDir('trace.log', async (path) => {
      const frames = Array.from({ length: 1_200 }, (_, i) => `\tat com.zai.F${i}.call(F.java:${i})`);
      writeFileSync(path, `${['com.zai.ApiException: {"error":{"code":"1305","message":"overloaded"}}', ...frames].join('\n')}\n`);
      const { code, out, err } = await run(['summarize', path]);
      expect(code).toBe(EXIT.ok);
      const summary = JSON.parse(out);
      expect(summary.recordsCut).toBe(1);
      expect(summary.files[0]).toMatchObject({ lines: 1_201, recordsCut: 1 });
      expect(err).toBe(`quotalens: ${path}: ${recordsCutText(1)}\n`);
    }));

  it('A13: says nothing of examples for a file with no rejected line', () =>
    inTempDir('clean.log', async (path) => {
      writeFileSync(path, LINE_1302);
      const { out, err } = await run(['summarize', path]);
      expect(err).toBe('');
      expect(JSON.parse(out).files[0].examples).toEqual({});
    }));

  it('A24: a file cut short while it is read fails as on the page: what was read kept, the rest file_unreadable, exit 1', () =>
    inTempDir('cut.ndjson', async (path) => {
      const lines = 60_000;
      const kept = 40_000;
      const size = LINE_1302.length * lines;
      // Cut inside line 40,001, past the two 1 MiB chunks the reader may hold when the first record is classified.
      const cutAt = LINE_1302.length * kept + 10;
      writeFileSync(path, LINE_1302.repeat(lines));
      const { code, out, err } = await run(['summarize', path], undefined, classifierThatActs(() => truncateSync(path, cutAt)));
      expect(code).toBe(EXIT.unreadable);
      const unread = size - LINE_1302.length * kept;
      const summary = JSON.parse(out);
      // The cut line is not a rejected line: it is part of the bytes that could not be read.
      expect(summary.files[0]).toMatchObject({
        lines: kept, catalogued: kept, rejected: {}, events: kept,
        bytesRead: size, bytesInLines: LINE_1302.length * kept, bytesUnsplittable: { file_unreadable: unread }, sourceBytes: size,
        notices: [`stopped (file_unreadable) after ${formatCount(cutAt)} of ${formatCount(size)} bytes`],
      });
      expect(summary.bytes).toEqual({ read: size, inLines: LINE_1302.length * kept, unsplittable: { file_unreadable: unread }, source: size });
      expect(err).toBe(
        `quotalens: ${path}: bytes not read as lines (file_unreadable ${unread}); stopped (file_unreadable) after ${formatCount(cutAt)} of ${formatCount(size)} bytes\n` +
          `quotalens: ${path}: the file was changed while it was read: it ended at byte ${formatCount(cutAt)} of the ${formatCount(size)} it had when the command began\n`,
      );
    }));

  it('A19: a gzip with trailing junk: its text in the line ledger, its own bytes (the junk too) in the compressed one', () =>
    inTempDir('junk.log.gz', async (path) => {
      const text = `${LINE_1302}ok line\n`;
      const member = gzipSync(Buffer.from(text));
      writeFileSync(path, Buffer.concat([member, Buffer.from('junk')]));
      const size = member.length + 4;
      const { code, out, err } = await run(['summarize', path]);
      expect(code).toBe(EXIT.ok);
      const summary = JSON.parse(out);
      expect(summary.files[0]).toMatchObject({
        lines: 2, bytesRead: text.length, bytesInLines: text.length, bytesUnsplittable: {}, sourceBytes: size,
        compressed: { bytesRead: size, bytesInflated: member.length, bytesUnsplittable: { decompression_error: 4 } },
      });
      expect(summary.bytes).toEqual({
        read: text.length, inLines: text.length, unsplittable: {}, source: size,
        compressed: { read: size, inflated: member.length, unsplittable: { decompression_error: 4 } },
      });
      expect(err).toBe(
        `quotalens: ${path}: gzip file bytes not unpacked (decompression_error 4); gzip, 1 member; 4 bytes of data that is not gzip after gzip member 1, from byte ${member.length}, were not read\n`,
      );
    }));

  it('a plain file and a gzip: the total\'s text bytes count both, its compressed bytes the gzip only', async () => {
    const files = ['mixed.log', 'app.log.gz'].map((f) => `${LOGS}/${f}`);
    const summary = JSON.parse((await run(['summarize', ...files])).out);
    const [plain, gzip] = files.map((f) => readFileSync(f));
    expect(summary.files[0].compressed).toBeUndefined();
    expect(summary.bytes).toEqual({
      read: plain!.length + summary.files[1].bytesRead, inLines: plain!.length + summary.files[1].bytesRead, unsplittable: {}, source: plain!.length + gzip!.length,
      compressed: { read: gzip!.length, inflated: gzip!.length, unsplittable: {} },
    });
  });

  it('A24: a gzip cut short while it is read: the rest of the file is file_unreadable in its compressed ledger', () =>
    inTempDir('cut.log.gz', async (path) => {
      // Lines that do not pack to nothing: about 4 MiB of gzip, so that the cut falls past the chunks read ahead.
      let seed = 7;
      const hex = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed.toString(16).padStart(8, '0'));
      const text = Array.from({ length: 170_000 }, () => `{"error":{"code":"1302","message":"Rate limit ${hex()}${hex()}${hex()}${hex()}${hex()}${hex()}"}}\n`).join('');
      const gzip = gzipSync(Buffer.from(text));
      expect(gzip.length).toBeGreaterThan(3.5 * 1024 * 1024);
      writeFileSync(path, gzip);
      const cutAt = 3 * 1024 * 1024;
      const { code, out, err } = await run(['summarize', path], undefined, classifierThatActs(() => truncateSync(path, cutAt)));
      expect(code).toBe(EXIT.unreadable);
      const file = JSON.parse(out).files[0];
      expect(file.compressed).toEqual({ bytesRead: gzip.length, bytesInflated: cutAt, bytesUnsplittable: { file_unreadable: gzip.length - cutAt } });
      // The text: its lines, and the line begun when the file ended (text bytes); no compressed byte.
      expect(file.sourceBytes).toBe(gzip.length);
      expect(file.bytesRead).toBe(file.bytesInLines + (file.bytesUnsplittable.file_unreadable ?? 0));
      expect(file.bytesRead).toBeLessThan(text.length);
      expect(err).toContain(`gzip file bytes not unpacked (file_unreadable ${gzip.length - cutAt})`);
    }));

  it('A24: a file that grows while it is read is read to the size it had when the command began', () =>
    inTempDir('growing.ndjson', async (path) => {
      const size = LINE_1302.length * 40_000;
      writeFileSync(path, LINE_1302.repeat(40_000));
      const { code, out, err } = await run(['summarize', path], undefined, classifierThatActs(() => appendFileSync(path, LINE_1302.repeat(20_000))));
      expect({ code, err }).toEqual({ code: EXIT.ok, err: '' });
      expect(JSON.parse(out).files[0]).toMatchObject({ lines: 40_000, bytesRead: size, sourceBytes: size, notices: [] });
    }));

  it.each([
    ['an odd last byte', [0x41], '1 record held bytes that are not valid UTF-16LE, read as U+FFFD; the file ends in an odd byte, half a UTF-16 character'],
    ['a lone surrogate', [0x00, 0xd8, 0x0a, 0x00], '1 record held bytes that are not valid UTF-16LE, read as U+FFFD'],
  ])('A7: a UTF-16LE file with %s is said not to be UTF-16, with no GB18030 hint', (_name, tail, warning) =>
    inTempDir('utf16.log', async (path) => {
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LINE_1302, 'utf16le'), Buffer.from(tail)]));
      for (const options of [[], ['--encoding', 'gb18030']]) {
        const { code, err } = await run(['summarize', ...options, path]);
        expect(code).toBe(EXIT.ok);
        expect(err).toBe(`quotalens: ${path}: ${warning}; decoded as UTF-16LE\n`);
      }
    }));
});

describe('events', () => {
  it('prints one JSON line per event with every field', async () => {
    const { code, out } = await run(['events', `${LOGS}/claude-session.jsonl`, `${LOGS}/requests.har`]);
    expect(code).toBe(EXIT.ok);
    const events = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(events).toHaveLength(3);
    expect(Object.keys(events[0])).toEqual([
      'file', 'line', 'lineCount', 'byteOffset', 'byteLength', 'format', 'code', 'rawCode', 'catalogued', 'category', 'verdict', 'http',
      'requestId', 'ts', 'message', 'resetAt', 'resetWritten', 'resetSetAside', 'window', 'attempts', 'flags',
    ]);
    expect(events[0]).toMatchObject({ file: `${LOGS}/claude-session.jsonl`, line: 6, code: 1308, catalogued: true, attempts: 4, window: '5-hour' });
    expect(events[1]).toMatchObject({ line: 8, code: 1113, attempts: 1 });
    expect(events[2]).toMatchObject({ file: `${LOGS}/requests.har`, code: 1308, http: 429, resetAt: '2026-08-25T06:41:44.000Z' });
  });

  it('says where each record is: its bytes in the file are its text, its message as read', async () => {
    const file = `${LOGS}/mixed.log`;
    const text = readFileSync(file);
    const events = (await run(['events', file])).out.trim().split('\n').map((line) => JSON.parse(line));
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      const record = text.subarray(e.byteOffset, e.byteOffset + e.byteLength).toString('utf8');
      expect(record.replace(/\r?\n$/, '').split(/\r?\n/)).toHaveLength(e.lineCount);
      if (e.message !== null) expect(record).toContain(e.message.slice(0, 20));
    }
  });

  it('keeps a code that is not a number as rawCode, with the message, where code is null', async () => {
    const line = '{"type":"response.failed","response":{"error":{"code":"model_not_found","message":"The model glm-9 does not exist"}}}\n';
    const [event] = (await run(['events', '-'], [new TextEncoder().encode(line)])).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(event).toMatchObject({ file: '-', code: null, rawCode: 'model_not_found', message: 'The model glm-9 does not exist', catalogued: false });
  });

  it('prints the gateway code "401" as the number 401', async () => {
    const { out } = await run(['events', `${LOGS}/mixed.log`]);
    const codes = out.trim().split('\n').map((line) => JSON.parse(line).code);
    expect(codes).toContain(401);
  });
});

describe('a reader that stops early', () => {
  it('ends `events` quietly when its output pipe closes (as `| head` does)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotalens-cli-'));
    const path = join(dir, 'many.ndjson');
    const line = '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"Rate limit reached for requests"}}\n';
    writeFileSync(path, line.repeat(50_000));
    const child = spawn('node', ['app/tools/cli.mjs', 'events', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    rmSync(dir, { recursive: true, force: true });
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

describe('errors', () => {
  it.each([
    [['summarize', `${LOGS}/missing.log`], EXIT.unreadable, /missing\.log: no such file/],
    [['events', LOGS], EXIT.unreadable, /is a directory/],
    [['summarize'], EXIT.usage, /no files given/],
    [['nope', 'x'], EXIT.usage, /unknown command: nope/],
    [[], EXIT.usage, /no command given/],
  ])('%j → exit %i, message on stderr, nothing on stdout', async (argv, exit, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(exit);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it('reads a relative path from the folder `npm run cli` was typed in, not the project folder', () => {
    const env = { ...process.env, npm_lifecycle_event: 'cli', INIT_CWD: join(process.cwd(), LOGS) };
    const result = spawnSync('node', ['app/tools/cli.mjs', 'summarize', 'mixed.log'], { encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ lines: 29, files: [{ file: 'mixed.log' }] });
  }, 30_000);

  it('the real command line exits non-zero with a message on stderr, and --help prints usage', () => {
    const missing = spawnSync('node', ['app/tools/cli.mjs', 'summarize', `${LOGS}/missing.log`], { encoding: 'utf8' });
    expect(missing.status).toBe(EXIT.unreadable);
    expect(missing.stderr).toContain('no such file');
    const help = spawnSync('node', ['app/tools/cli.mjs', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run -s cli -- <command>');
    // The limits the pipeline reads with, in the words the page's Limits note uses.
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(`Limits, as on the page: ${describeIngestLimits().join('; ')}.`);
  }, 30_000);
});
