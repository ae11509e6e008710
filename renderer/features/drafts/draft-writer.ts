/**
 * Writes a form's draft as the user types: at most one write in flight, the latest value wins,
 * and a burst of keystrokes becomes one write after a short pause. `flush` writes what waits at
 * once (page hidden, page unloading, form closing); `stop` drops what waits and waits for the
 * write in flight, so nothing lands after the draft was recorded or discarded.
 */
export interface DraftWriter<T> {
  change(value: T): void;
  /** The value typed but not yet handed to a write, if any. */
  waiting(): T | null;
  flush(): Promise<void>;
  stop(): Promise<void>;
  /** Writes again after `stop` (the action was refused: the user goes on typing). */
  resume(): void;
}

export interface DraftWriterPorts<T> {
  write(value: T): Promise<void>;
  /** Called when a write fails: the draft on disk is older than the form. */
  onError(error: unknown): void;
  delayMs: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createDraftWriter<T>(ports: DraftWriterPorts<T>): DraftWriter<T> {
  const setTimer = ports.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = ports.clearTimer ?? ((timer) => clearTimeout(timer as number));
  let waiting: { value: T } | null = null;
  let timer: unknown = null;
  let stopped = false;
  // Writes run one after another, in the order of the values they carry.
  let chain: Promise<void> = Promise.resolve();

  const cancelTimer = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  const flush = (): Promise<void> => {
    cancelTimer();
    if (waiting !== null && !stopped) {
      const { value } = waiting;
      waiting = null;
      chain = chain.then(() => ports.write(value)).catch((error: unknown) => ports.onError(error));
    }
    return chain;
  };

  return {
    change(value) {
      if (stopped) return;
      waiting = { value };
      cancelTimer();
      timer = setTimer(() => void flush(), ports.delayMs);
    },
    waiting: () => (stopped ? null : (waiting?.value ?? null)),
    flush,
    stop() {
      stopped = true;
      cancelTimer();
      waiting = null;
      return chain;
    },
    resume() {
      stopped = false;
    },
  };
}
