import { useEffect, useState } from 'react';
import type { RequestChannel, RequestInput, RequestOutput } from '@shared/host/contract';
import type { HostResult } from '@shared/host/result';
import { getHost } from './host';

type NoInputChannel = {
  [C in RequestChannel]: undefined extends RequestInput<C> ? C : never;
}[RequestChannel];

/** Asks the host once on mount; null while the answer is on its way. */
export function useHostValue<C extends NoInputChannel>(
  channel: C,
): HostResult<RequestOutput<C>> | null {
  const [result, setResult] = useState<HostResult<RequestOutput<C>> | null>(null);
  useEffect(() => {
    let alive = true;
    // Each channel's input is `undefined`, which the request signature allows to be omitted.
    const host = getHost();
    const request = host.request.bind(host) as (
      channel: C,
    ) => Promise<HostResult<RequestOutput<C>>>;
    void request(channel).then((value) => {
      if (alive) setResult(value);
    });
    return () => {
      alive = false;
    };
  }, [channel]);
  return result;
}
