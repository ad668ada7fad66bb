import { describe, expect, it } from 'vitest';
import { cpuBetween, parseMachineStat, parseTaskStat, threadKind, type CpuSnapshot } from './proc-cpu';

// A real /proc/PID/task/TID/stat line, its name holding a space and a parenthesis.
const TASK = '4242 (Web (Content) 1) S 4200 4200 4200 0 -1 4194560 1000 0 0 0 37 5 0 0 20 0 30 0 123456 1000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';

describe('reading CPU time from /proc', () => {
  it('takes the name between the first ( and the last ) and sums user and system ticks', () => {
    expect(parseTaskStat(TASK)).toEqual({ name: 'Web (Content) 1', ms: (37 + 5) * 10 });
    expect(parseTaskStat('garbage')).toBeNull();
  });

  it('counts I/O wait as idle and interrupts and steal as busy', () => {
    const stat = 'cpu  100 2 30 400 5 6 7 8 0 0\ncpu0 50 1 15 200 2 3 3 4 0 0\n';
    expect(parseMachineStat(stat)).toEqual({ busyMs: (100 + 2 + 30 + 6 + 7 + 8) * 10, idleMs: (400 + 5) * 10 });
    expect(parseMachineStat('intr 1 2 3')).toBeNull();
  });

  it("sorts Chromium's threads by what they do", () => {
    const renderer = '/usr/lib/chromium/chromium\0--type=renderer\0--lang=en\0';
    expect(threadKind(renderer, 'DedicatedWorker', false)).toBe('readers');
    expect(threadKind(renderer, 'ThreadPoolForeg', false)).toBe('pool');
    expect(threadKind(renderer, 'chromium', true)).toBe('page');
    expect(threadKind(renderer, 'Compositor', false)).toBe('rendererOther');
    expect(threadKind('/usr/lib/chromium/chromium\0--headless\0', 'Chrome_IOThread', false)).toBe('browser');
    expect(threadKind('/usr/lib/chromium/chromium\0--type=gpu-process\0', 'VizCompositorTh', false)).toBe('other');
  });

  it('counts a thread that started in between from zero, and what ended threads used from their process', () => {
    const before: CpuSnapshot = {
      atMs: 1000,
      threads: new Map([['7/7', { kind: 'page', ms: 500 }], ['7/8', { kind: 'readers', ms: 100 }]]),
      renderers: new Map([[7, 700]]),
      machine: { busyMs: 10_000, idleMs: 5_000 },
    };
    const after: CpuSnapshot = {
      atMs: 1800,
      threads: new Map([['7/7', { kind: 'page', ms: 560 }], ['7/8', { kind: 'readers', ms: 500 }], ['7/9', { kind: 'pool', ms: 120 }]]),
      // 60 + 400 + 120 seen in threads; the other 200 were used by a thread that ended before the last reading.
      renderers: new Map([[7, 700 + 780]]),
      machine: { busyMs: 11_500, idleMs: 5_100 },
    };
    expect(cpuBetween(before, after)).toEqual({
      windowMs: 800, readersMs: 400, poolMs: 120, pageMs: 60, rendererOtherMs: 0, endedThreadsMs: 200, browserMs: 0, otherMs: 0, machineBusyMs: 1500, machineIdleMs: 100,
    });
  });
});
