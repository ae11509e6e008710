/**
 * Runs tasks one at a time, in arrival order. Every database operation of the server goes through
 * one queue, so two concurrent copies of a push are applied one after the other (the second sees
 * the first's stored results) and change positions are committed in the order they are assigned.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once everything queued so far has finished. */
  idle(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      // The chain must survive a failed task; the caller still sees the failure through `result`.
      tail = result.catch(() => undefined);
      return result;
    },
    idle() {
      return tail.then(() => undefined);
    },
  };
}

/**
 * Runs tasks at once, and knows when all of them have finished: for PostgreSQL, where the
 * database orders concurrent work (as it must across processes anyway).
 */
export function createInFlight(): SerialQueue {
  const running = new Set<Promise<unknown>>();
  return {
    run(task) {
      const result = task();
      const settled = result.catch(() => undefined);
      running.add(settled);
      void settled.then(() => running.delete(settled));
      return result;
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
