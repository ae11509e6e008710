import { useEffect, useState } from 'react';
import { z } from 'zod';
import { getHost } from '../../lib/host';

const health = z.object({ ok: z.literal(true), demo: z.boolean().optional() });

export type ErpKind = 'demo' | 'remote' | 'unknown';

/**
 * Whether the ERP behind the host is the embedded demo server: asked once through the ERP's
 * public health check, so the header can say "demo ERP" in both hosts.
 */
export function useErpKind(): ErpKind {
  const [kind, setKind] = useState<ErpKind>('unknown');
  useEffect(() => {
    let alive = true;
    void getHost()
      .request('erp:request', { method: 'GET', path: '/health', timeoutMs: 10_000 })
      .then((result) => {
        if (!alive || !result.ok || result.value.status !== 200) return;
        const parsed = health.safeParse(result.value.body);
        if (parsed.success) setKind(parsed.data.demo ? 'demo' : 'remote');
      });
    return () => {
      alive = false;
    };
  }, []);
  return kind;
}
