import { isRequestChannel } from './contract';
import { payloadProblem } from './payload-guard';
import { describeIssues, requestInputSchemas, type HostHandlers } from './request-schemas';
import { fail, type HostResult } from './result';

export interface DispatcherOptions {
  /** Receives handler failures; the caller only ever sees a generic message. */
  onHandlerError?: (channel: string, error: unknown) => void;
}

export type RequestDispatcher = (channel: unknown, input: unknown) => Promise<HostResult<unknown>>;

/**
 * Allowlist → shape limits → schema → handler, for both hosts. Nothing reaches a handler
 * unvalidated, and nothing escapes as an exception: a throwing handler becomes
 * `{ ok: false, code: 'internal' }`.
 */
export function createRequestDispatcher(
  handlers: HostHandlers,
  options: DispatcherOptions = {},
): RequestDispatcher {
  return async (channel, input) => {
    if (!isRequestChannel(channel)) {
      return fail('unknown_channel', `Unknown host channel: ${describeChannel(channel)}`);
    }
    let parsed: ReturnType<(typeof requestInputSchemas)[typeof channel]['safeParse']>;
    try {
      // Shape limits first: zod itself would overflow the stack on a very deep value.
      const problem = payloadProblem(input);
      if (problem !== null) return fail('invalid_input', `${channel}: ${problem}`);
      parsed = requestInputSchemas[channel].safeParse(input);
    } catch {
      // A getter that throws (possible only in the in-page browser host) is still just bad input.
      return fail('invalid_input', `${channel}: input could not be read`);
    }
    if (!parsed.success) {
      return fail('invalid_input', `${channel}: ${describeIssues(parsed.error)}`);
    }
    // The map guarantees channel ↔ handler ↔ schema agree; TypeScript cannot correlate the
    // union by itself, hence the one widening here.
    const handler = handlers[channel] as (value: unknown) => Promise<HostResult<unknown>>;
    try {
      return await handler(parsed.data);
    } catch (error) {
      options.onHandlerError?.(channel, error);
      return fail('internal', `${channel} failed inside the host`);
    }
  };
}

function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? JSON.stringify(channel.slice(0, 80)) : typeof channel;
}
