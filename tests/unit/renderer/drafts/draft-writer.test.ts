import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraftWriter } from '../../../../renderer/features/drafts/draft-writer';

/** A writer on a hand-driven timer and a disk whose writes finish when told. */
function harness() {
  const written: string[] = [];
  let timer: (() => void) | null = null;
  const inFlight: Array<() => void> = [];
  const writer = createDraftWriter<string>({
    delayMs: 300,
    write: (value) =>
      new Promise<void>((resolve) => {
        inFlight.push(() => {
          written.push(value);
          resolve();
        });
      }),
    onError: (error) => {
      throw error;
    },
    setTimer: (run) => (timer = run),
    clearTimer: () => (timer = null),
  });
  return {
    writer,
    written,
    fireTimer: () => {
      const run = timer;
      timer = null;
      run?.();
    },
    /** Lets queued writes start, then finishes each, until none is left. */
    async finishWrites() {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (inFlight.length === 0) return;
        while (inFlight.length > 0) inFlight.shift()!();
      }
    },
  };
}

describe('createDraftWriter', () => {
  it('turns a burst of keystrokes into one write of the last value', async () => {
    const h = harness();
    for (const value of ['ж', 'жд', 'жду']) h.writer.change(value);
    expect(h.written).toEqual([]);
    h.fireTimer();
    await h.finishWrites();
    expect(h.written).toEqual(['жду']);
  });

  it('flush writes what waits at once; stop drops it and nothing lands afterwards', async () => {
    const h = harness();
    h.writer.change('a');
    const flushed = h.writer.flush();
    await h.finishWrites();
    await flushed;
    expect(h.written).toEqual(['a']);
    h.writer.change('b');
    expect(h.writer.waiting()).toBe('b');
    await h.writer.stop();
    h.writer.change('c');
    h.fireTimer();
    await h.finishWrites();
    expect(h.written).toEqual(['a']);
    h.writer.resume();
    h.writer.change('d');
    await Promise.all([h.writer.flush(), h.finishWrites()]);
    expect(h.written).toEqual(['a', 'd']);
  });

  it('whatever the timing, writes keep typing order and end with the last value (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('type', 'timer', 'finish', 'flush'), {
          minLength: 1,
          maxLength: 40,
        }),
        async (steps) => {
          const h = harness();
          let typed = 0;
          for (const step of steps) {
            if (step === 'type') h.writer.change(String(++typed));
            if (step === 'timer') h.fireTimer();
            if (step === 'finish') await h.finishWrites();
            if (step === 'flush') void h.writer.flush();
          }
          void h.writer.flush();
          await h.finishWrites();
          const numbers = h.written.map(Number);
          expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
          expect(numbers.at(-1) ?? 0).toBe(typed);
        },
      ),
    );
  });
});
