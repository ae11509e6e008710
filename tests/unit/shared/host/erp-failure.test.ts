import { describe, expect, it } from 'vitest';
import { describeFetchFailure } from '../../../../shared/host/erp-failure';

// How each network stack reports a request that got no answer: Electron's net.fetch (Chromium
// "net::ERR_…" messages), Node's fetch (undici: "fetch failed" with the system error as cause)
// and a page's fetch (a bare TypeError). The code must not depend on which host asked.
const nodeError = (code: string, message = code) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
const timeout = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError');

describe('describeFetchFailure', () => {
  it.each([
    ['AbortSignal.timeout in any host', timeout(), 'erp_timeout'],
    ['Electron: net::ERR_TIMED_OUT', new Error('net::ERR_TIMED_OUT'), 'erp_timeout'],
    ['Node: connect timeout', nodeError('UND_ERR_CONNECT_TIMEOUT'), 'erp_timeout'],
    ['Electron: untrusted CA', new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'erp_tls'],
    ['Electron: expired', new Error('net::ERR_CERT_DATE_INVALID'), 'erp_tls'],
    ['Electron: handshake', new Error('net::ERR_SSL_PROTOCOL_ERROR'), 'erp_tls'],
    [
      'Node: self-signed',
      nodeError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      'erp_tls',
    ],
    ['Node: expired', nodeError('CERT_HAS_EXPIRED', 'certificate has expired'), 'erp_tls'],
    ['Node: wrong host', nodeError('ERR_TLS_CERT_ALTNAME_INVALID'), 'erp_tls'],
    ['Node: not TLS at all', nodeError('EPROTO', 'wrong version number'), 'erp_tls'],
    [
      'Node: redirect refused',
      new TypeError('fetch failed', { cause: new Error('unexpected redirect') }),
      'erp_redirected',
    ],
    ['Electron: refused', new Error('net::ERR_CONNECTION_REFUSED'), 'erp_unreachable'],
    ['Electron: DNS', new Error('net::ERR_NAME_NOT_RESOLVED'), 'erp_unreachable'],
    [
      'Node: refused',
      nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
      'erp_unreachable',
    ],
    ['a page: the serving process is gone', new TypeError('Failed to fetch'), 'erp_unreachable'],
    ['something that is not an Error', 'boom', 'erp_unreachable'],
  ])('%s → %s', (_label, error, code) => {
    expect(describeFetchFailure(error, 30_000).code).toBe(code);
  });

  it('says how long it waited, and what the stack said otherwise', () => {
    expect(describeFetchFailure(timeout(), 12_400).message).toBe(
      'The ERP did not answer within 12 s',
    );
    expect(
      describeFetchFailure(nodeError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:443'), 1)
        .message,
    ).toBe('The ERP could not be reached: ECONNREFUSED connect ECONNREFUSED 10.0.0.5:443');
  });

  it('survives a cause chain that loops', () => {
    const error = new Error('outer') as Error & { cause?: unknown };
    error.cause = error;
    expect(describeFetchFailure(error, 1).code).toBe('erp_unreachable');
  });
});
