import { useEffect, useState } from 'react';
import { getHost } from '../../lib/host';

export type ErpKind = 'demo' | 'remote' | 'unknown';

/**
 * Whether the ERP behind the host is the embedded demo server, so the header can say "demo ERP"
 * in both hosts. The host knows (no address configured means the demo); asked once.
 */
export function useErpKind(): ErpKind {
  const [kind, setKind] = useState<ErpKind>('unknown');
  useEffect(() => {
    let alive = true;
    void getHost()
      .request('diagnostics:host')
      .then((result) => {
        if (!alive || !result.ok) return;
        const { kind: erp } = result.value.erp;
        if (erp !== 'unknown') setKind(erp === 'demo' ? 'demo' : 'remote');
      });
    return () => {
      alive = false;
    };
  }, []);
  return kind;
}
