import { randomUUID } from 'node:crypto';
import type { CommandResult, PushResponse } from '../../../shared/erp';

/*
 * A bounded loopback load: `devices` simulated devices, each sending one request at a time for a
 * fixed time — a push of a new ticket and four comments on it, then a pull of the changes since
 * its cursor. Every fourth push is sent again (an answer "lost"), to whichever server the
 * device picks next: they must come back `duplicate`. Every command the server acknowledged is
 * remembered, to be looked for in the database afterwards.
 */

export interface LoadOptions {
  urls: readonly string[];
  token: string;
  organizationId: string;
  devices: number;
  seconds: number;
}

export interface LoadResult {
  /** Commands acknowledged as applied (first sends only). */
  applied: number;
  seconds: number;
  pushMs: number[];
  pullMs: number[];
  resends: number;
  /** Resends not answered `duplicate`, or first sends not answered `applied`. */
  wrongAnswers: string[];
  /** Comment command ids acknowledged, by ticket id. */
  comments: Map<string, string[]>;
  /** Every acknowledged command id. */
  acknowledged: Set<string>;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = {
    applied: 0,
    seconds: options.seconds,
    pushMs: [],
    pullMs: [],
    resends: 0,
    wrongAnswers: [],
    comments: new Map(),
    acknowledged: new Set(),
  };
  const deadline = performance.now() + options.seconds * 1000;
  let pick = 0;
  const nextUrl = () => options.urls[pick++ % options.urls.length]!;
  const headers = {
    Authorization: `Bearer ${options.token}`,
    'Content-Type': 'application/json',
  };
  const push = async (body: string): Promise<PushResponse> => {
    const started = performance.now();
    const response = await fetch(`${nextUrl()}/sync/v1/push`, { method: 'POST', headers, body });
    const text = await response.text();
    result.pushMs.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`push ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as PushResponse;
  };

  await Promise.all(
    Array.from({ length: options.devices }, async (_, device) => {
      const deviceId = randomUUID();
      let seq = 0;
      let cursor: string | null = null;
      for (let round = 0; performance.now() < deadline; round++) {
        const ticketId = randomUUID();
        const now = new Date().toISOString();
        const command = (type: string, payload: Record<string, unknown>) => ({
          commandId: randomUUID(),
          seq: ++seq,
          type,
          ticketId,
          baseVersion: type === 'create' ? null : 1,
          payload,
          clientCreatedAt: now,
        });
        const commands = [
          command('create', {
            organizationId: options.organizationId,
            account: 'load',
            reporterEmail: 'load@example.ru',
            priority: 3,
            title: `Нагрузка ${device}/${round}`,
            steps: '1',
            expected: '2',
            actual: '3',
            diagnostics: '4',
            notUserSideConfirmed: true,
            createdAt: now,
          }),
          ...[1, 2, 3, 4].map((n) => command('comment', { text: `${device}/${round}/${n}` })),
        ];
        const body = JSON.stringify({ protocolVersion: 1, deviceId, commands });
        const answer = await push(body);
        check(answer.results, 'applied', result);
        result.comments.set(
          ticketId,
          commands.slice(1).map((c) => c.commandId),
        );
        if (round % 4 === 1) {
          result.resends++;
          check((await push(body)).results, 'duplicate', result);
        }
        const started = performance.now();
        const params = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}) });
        const response = await fetch(`${nextUrl()}/sync/v1/changes?${params}`, { headers });
        const page = (await response.json()) as { nextCursor: string };
        result.pullMs.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`changes ${response.status}`);
        cursor = page.nextCursor;
      }
    }),
  );
  return result;
}

function check(results: CommandResult[], expected: string, into: LoadResult): void {
  for (const result of results) {
    if (result.status !== expected) {
      into.wrongAnswers.push(`${result.commandId}: ${result.status}, expected ${expected}`);
    } else if (expected === 'applied') {
      into.applied++;
      into.acknowledged.add(result.commandId.toLowerCase());
    }
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
