import { describe, expect, it } from 'vitest';
import { decodeStream, redactCredentials } from './stream-codec';
import { normalizeViewState } from './normalize-view';
import { parseViewState } from './parse-view-state';
import { serializeViewState } from './serialize-view-state';
import { DEFAULT_VIEW } from './view-state';

describe('decodeStream', () => {
  it.each([
    ['demo', 'demo', false],
    ['DEMO', 'demo', false],
    ['https://logs.example.com/tail', 'https://logs.example.com/tail', false],
    ['http://localhost:8787/stream', 'http://localhost:8787/stream', false],
    ['wss://host/ws?x=1', 'wss://host/ws?x=1', false],
    ['ws://192.168.1.1:9000/', 'ws://192.168.1.1:9000/', false],
    ['HTTPS://Host.Example/a', 'https://host.example/a', false],
    ['https://user:pass@host/tail', 'https://host/tail', true],
    ['wss://token@host/ws', 'wss://host/ws', true],
  ])('%s -> %s', (raw, stream, hadCredentials) => {
    expect(decodeStream(raw)).toEqual({ stream, hadCredentials });
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
