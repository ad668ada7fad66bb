import { describe, expect, it } from 'vitest';
import { decodeStream, redactCredentials } from './stream-codec';

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
