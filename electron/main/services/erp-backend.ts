import { erpOriginOf, type ErpKind, type ErpSettings } from '@shared/host/schemas';
import type { ErpGateway } from './erp-gateway';
import type { RedmineEndpoint } from './redmine/redmine-http';

/**
 * What main needs from an ERP: contract 2's operations. Two adapters implement it, the contract-2
 * HTTP gateway (the reference ERP, the demo ERP) and Redmine (./redmine), so the renderer and
 * its sync engine never know which one answers.
 */
export type ErpBackend = ErpGateway;

/** The backend the settings name, asked per request, so switching needs no restart. */
export function chooseErpBackend(
  kind: () => ErpKind,
  backends: Record<ErpKind, ErpBackend>,
): ErpBackend {
  const current = () => backends[kind()];
  return {
    session: () => current().session(),
    push: (request) => current().push(request),
    changes: (query) => current().changes(query),
    blobParts: (sha256) => current().blobParts(sha256),
    putBlobPart: (input) => current().putBlobPart(input),
    getBlob: (input) => current().getBlob(input),
  };
}

/** The demo ERP always speaks contract 2; the kind is what a configured address speaks. */
export function kindInUse(erp: ErpSettings): ErpKind {
  return erp.mode === 'configured' ? erp.kind : 'prokontakt';
}

/** The configured Redmine: its address, the API key stored for its origin, the mapping. */
export async function redmineEndpoint(
  erp: ErpSettings,
  keyFor: (origin: string) => Promise<string | null>,
): Promise<RedmineEndpoint | null> {
  const origin = erp.baseUrl === null ? null : erpOriginOf(erp.baseUrl);
  if (erp.mode !== 'configured' || erp.baseUrl === null || origin === null) return null;
  return { baseUrl: erp.baseUrl, apiKey: await keyFor(origin), mapping: erp.redmineMapping };
}
