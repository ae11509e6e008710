import { fail, ok, type HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { ErpBackend } from '../erp-backend';
import type { FetchPort } from '../erp-gateway';
import type { RedmineContext } from './redmine-context';
import { createRedmineHttp, type RedmineEndpoint } from './redmine-http';
import { pullChanges } from './pull-changes';
import {
  createPullMemory,
  DEFAULT_PULL_TIMING,
  type PullMemory,
  type PullTiming,
} from './pull/pull-memory';
import { pushCommands } from './push-commands';
import { errorAnswer, redmineSession } from './redmine-session';

export interface RedmineBackendOptions {
  fetch: FetchPort;
  /** Read once per operation, so a settings change applies from the next one; null: none. */
  endpoint: () => Promise<RedmineEndpoint | null>;
  now?: () => number;
  timeoutMs?: number;
  /** How often the pull re-reads the directory and reconciles deletions (tests shorten them). */
  pullTiming?: PullTiming;
  /** Where the pull reports issues and projects it cannot show, with the reason. */
  log?: (message: string) => void;
}

/**
 * Contract 2 spoken by main on the renderer's behalf against a Redmine: the renderer, its outbox
 * and the sync engine see the same answers as from the reference ERP (issue 15).
 */
export function createRedmineBackend(options: RedmineBackendOptions): ErpBackend {
  const now = options.now ?? Date.now;
  // Per Redmine address: switching Settings to another Redmine must not mix their issues.
  const pullMemories = new Map<string, PullMemory>();
  const pullMemoryFor = (baseUrl: string) => {
    let memory = pullMemories.get(baseUrl);
    if (!memory) {
      memory = createPullMemory(
        options.pullTiming ?? DEFAULT_PULL_TIMING,
        options.log ?? ((message) => console.warn(message)),
      );
      pullMemories.set(baseUrl, memory);
    }
    return memory;
  };

  async function withContext(
    run: (context: RedmineContext, baseUrl: string) => Promise<HostResult<ErpResponse>>,
  ): Promise<HostResult<ErpResponse>> {
    const endpoint = await options.endpoint();
    if (endpoint === null) return fail('erp_not_configured', 'No Redmine address is configured');
    const http = createRedmineHttp({
      fetch: options.fetch,
      endpoint,
      now,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    return run({ http, mapping: endpoint.mapping, now }, endpoint.baseUrl);
  }

  // Attachments are content-addressed blobs in contract 2; Redmine's uploads are not (yet) mapped.
  const blobsRefused = errorAnswer(
    { retryAfterSeconds: null },
    501,
    'not_supported',
    'Attachments are not synced with Redmine',
  );
  const noBlobs = async () => ok(blobsRefused);

  return {
    session: () => withContext(({ http }) => redmineSession(http)),
    changes: (query) =>
      withContext((context, baseUrl) => pullChanges(context, query, pullMemoryFor(baseUrl))),
    push: (request) => withContext((context) => pushCommands(context, request)),
    blobParts: noBlobs,
    putBlobPart: noBlobs,
    getBlob: async () => ok({ ...blobsRefused, bytes: null, contentRange: null }),
  };
}
