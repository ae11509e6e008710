import { createSerialQueue, type SerialQueue } from '../serial-queue';

/** One serial queue per key (a blob's hash): uploads of different blobs never wait for each other. */
export function createKeyedLock() {
  const queues = new Map<string, { queue: SerialQueue; pending: number }>();
  return {
    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
      let entry = queues.get(key);
      if (!entry) {
        entry = { queue: createSerialQueue(), pending: 0 };
        queues.set(key, entry);
      }
      entry.pending++;
      try {
        return await entry.queue.run(task);
      } finally {
        if (--entry.pending === 0) queues.delete(key);
      }
    },
  };
}
