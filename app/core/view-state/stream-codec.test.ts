import { describe, expect, it } from 'vitest';
import { decodeStream, redactCredentials } from './stream-codec';
import { normalizeViewState } from './normalize-view';
import { parseViewState } from './parse-view-state';
import { serializeViewState } from './serialize-view-state';
import { DEFAULT_VIEW } from './view-state';

describe('decodeStream', () => {
  it.each([
    ['demo', 'demo', []],
    ['DEMO', 'demo', []],
    ['https://logs.example.com/tail', 'https://logs.example.com/tail', []],
    ['http://localhost:8787/stream', 'http://localhost:8787/stream', []],
    ['wss://host/ws?x=1', 'wss://host/ws?x=1', []],
    ['ws://192.168.1.1:9000/', 'ws://192.168.1.1:9000/', []],
    ['HTTPS://Host.Example/a', 'https://host.example/a', []],
    ['https://user:pass@host/tail', 'https://host/tail', ['user name and password']],
    ['wss://token@host/ws', 'wss://host/ws', ['user name and password']],
    ['https://host/sse?n=3&access_token=S3CRET', 'https://host/sse?n=3', ['access_token']],
    ['https://host/sse?Token=a&token=b&X-Api-Key=c&sig=d&keep=1', 'https://host/sse?keep=1', ['Token', 'token', 'X-Api-Key', 'sig']],
    ['https://u:p@host/ws?api_key=k', 'https://host/ws', ['user name and password', 'api_key']],
    ['https://host/tail?monkey=1&keyword=x&from=start', 'https://host/tail?monkey=1&keyword=x&from=start', []],
  ])('%s -> %s', (raw, stream, removed) => {
    expect(decodeStream(raw)).toEqual({ stream, removed });
  });

  it('never writes a removed secret into the link, and says what was removed', () => {
    const { view, dropped } = parseViewState(`?stream=${encodeURIComponent('https://u:pw@h.example/sse?access_token=S3CRET&n=3')}`);
    expect(view.stream).toBe('https://h.example/sse?n=3');
    expect(serializeViewState(view)).not.toMatch(/S3CRET|pw/);
    expect(dropped.map((d) => d.reason)).toEqual(["user name and password, access_token removed from the stream URL: passwords and tokens never go into the page's URL"]);
    expect(JSON.stringify(dropped)).not.toMatch(/S3CRET|pw/);
  });

  it('says when the link held a secret, in any stream= value, taken or refused, so the page address can lose it at once', () => {
    const held = (...streams: string[]) => parseViewState(`?${streams.map((s) => `stream=${encodeURIComponent(s)}`).join('&')}`);
    expect(held('https://h.example/sse?token=t').heldSecrets).toBe(true);
    expect(held('ftp://u:secret@h.example/x').heldSecrets).toBe(true);
    expect(held('https://h.example/sse?n=3').heldSecrets).toBe(false);
    expect(held('http://a.aa//@').heldSecrets).toBe(false);
    // A second value, never decoded: its secret is in the address all the same, and the notice does not quote it.
    const second = held('demo', 'https://u:pw-9@h.example/sse?token=S3CRET-9');
    expect(second.heldSecrets).toBe(true);
    expect(JSON.stringify(second.dropped)).not.toMatch(/pw-9|S3CRET-9/);
    // Refused for its length (a long JWT): held, and not quoted.
    const long = held(`https://h.example/sse?token=JWT-${'x'.repeat(3000)}`);
    expect(long.heldSecrets).toBe(true);
    expect(JSON.stringify(long.dropped)).not.toMatch(/JWT-/);
    expect(held('https://h.example/sse#access_token=FRAG-9').heldSecrets).toBe(true);
  });

  it('takes out parameters named like a secret in any spelling, and the fragment; keeps the others', () => {
    expect(decodeStream('https://h/sse?accessToken=a&authToken=b&apiToken=c&refreshToken=d&clientSecret=e&privateKey=f&n=1')).toEqual({
      stream: 'https://h/sse?n=1',
      removed: ['accessToken', 'authToken', 'apiToken', 'refreshToken', 'clientSecret', 'privateKey'],
    });
    expect(decodeStream('https://h/sse?n=1#access_token=x')).toEqual({ stream: 'https://h/sse?n=1', removed: ['the part after #'] });
    expect(decodeStream('https://h/sse?author=bob&monkey=1&keyword=k&topic=quota')).toEqual({ stream: 'https://h/sse?author=bob&monkey=1&keyword=k&topic=quota', removed: [] });
  });

  it('shows a removed name with its controls visible: a link cannot reorder the notice', () => {
    expect(decodeStream('https://h/sse?%E2%80%AEnekot_x.token=1')).toMatchObject({ removed: ['⟨U+202E⟩nekot_x.token'] });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://host/uuid',
    'ftp://host/file',
    'not a url',
    '//host/path',
    `https://host/${'a'.repeat(3000)}`,
  ])('%s is rejected', (raw) => {
    expect('reason' in decodeStream(raw)).toBe(true);
  });
});

describe('redactCredentials', () => {
  it.each([
    ['https://user:pass@host/x', 'https://***@host/x'],
    ['ftp://a:b@h', 'ftp://***@h'],
    ['https://host/x?mail=a@b', 'https://host/x?mail=a@b'],
    ['plain', 'plain'],
  ])('%s -> %s', (raw, out) => {
    expect(redactCredentials(raw)).toBe(out);
  });
});

describe('read= (how an http stream is read)', () => {
  it('is kept with an http(s) stream, lower-cased, and written after it', () => {
    const { view, dropped } = parseViewState('?stream=https%3A%2F%2Fh.example%2Ftail&read=NDJSON');
    expect(view.streamRead).toBe('ndjson');
    expect(dropped).toEqual([]);
    expect(serializeViewState(view)).toBe('v=1&stream=https%3A%2F%2Fh.example%2Ftail&read=ndjson');
  });

  it('is dropped, with a reason, without a stream, for demo and WebSocket streams, and when unknown', () => {
    for (const search of ['?read=sse', '?stream=demo&read=ndjson', '?stream=wss%3A%2F%2Fh.example%2Fws&read=sse', '?stream=https%3A%2F%2Fh.example%2Fx&read=ws']) {
      const { view, dropped } = parseViewState(search);
      expect(view.streamRead).toBeNull();
      expect(dropped.map((d) => d.param)).toEqual(['read']);
    }
  });

  it('leaves a view when its stream does (normalised away)', () => {
    expect(normalizeViewState({ ...DEFAULT_VIEW, stream: null, streamRead: 'ndjson' }).streamRead).toBeNull();
    expect(normalizeViewState({ ...DEFAULT_VIEW, stream: 'http://h.example/s', streamRead: 'ndjson' }).streamRead).toBe('ndjson');
  });
});
