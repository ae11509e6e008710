import type { ErpKind } from '@shared/host/schemas';
import type { ErpGateway } from './erp-gateway';

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
