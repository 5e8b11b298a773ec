// The page's one live stream: every followed topic on a single EventSource, events routed by topic.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class FakeEventSource {
  static readonly CLOSED = 2;
  static made: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  private listeners = new Map<string, Array<(e: unknown) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, data?: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn({ data: JSON.stringify(data ?? {}) });
  }
}

const TYPES = ['quorum', 'roll', 'resync'];
const A = 'assembly:11111111-1111-4111-8111-111111111111';
const C = 'council:22222222-2222-4222-8222-222222222222';
const subscriber = () => ({ onNudge: vi.fn(), onFallback: vi.fn() });

describe('the page’s live stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    FakeEventSource.made = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens one stream for every topic and routes each event to its topic’s subscribers', async () => {
    const { followLive } = await import('./live-stream.ts');
    const room = subscriber();
    const roll = subscriber();
    followLive(A, room, TYPES);
    const unfollowCouncil = followLive(C, roll, TYPES);
    vi.advanceTimersByTime(100);
    expect(FakeEventSource.made).toHaveLength(1);
    const stream = FakeEventSource.made[0]!;
    expect(decodeURIComponent(stream.url)).toContain(`topic=${A},${C}`);

    stream.emit('roll', { topic: C });
    expect(roll.onNudge).toHaveBeenCalledTimes(1);
    expect(room.onNudge).not.toHaveBeenCalled();
    stream.emit('resync');
    expect(room.onNudge).toHaveBeenCalledTimes(1);
    expect(roll.onNudge).toHaveBeenCalledTimes(2);

    unfollowCouncil();
    vi.advanceTimersByTime(100);
    expect(stream.closed).toBe(true);
    expect(FakeEventSource.made).toHaveLength(2);
    expect(decodeURIComponent(FakeEventSource.made[1]!.url)).toMatch(new RegExp(`topic=${A}$`));
  });

  it('tells subscribers to poll when the stream is refused for good', async () => {
    const { followLive } = await import('./live-stream.ts');
    const room = subscriber();
    followLive(A, room, TYPES);
    vi.advanceTimersByTime(100);
    const stream = FakeEventSource.made[0]!;
    stream.readyState = FakeEventSource.CLOSED;
    stream.emit('error');
    expect(room.onFallback).toHaveBeenCalledWith(true);
    const late = subscriber();
    followLive(C, late, TYPES);
    expect(late.onFallback).toHaveBeenCalledWith(true);
  });
});
