import type { HostErrorCode } from './result';

/*
 * Why an ERP request got no answer, as one code for both hosts: main's net.fetch (Chromium's
 * network stack, "net::ERR_…" messages), the serving process's Node fetch (undici, errors with a
 * `cause` carrying OpenSSL or libuv codes) and the page's fetch (a bare TypeError). Each words
 * failures its own way; the sync engine and the UI must not depend on the wording.
 */

export type ErpFailureCode = Extract<
  HostErrorCode,
  'erp_timeout' | 'erp_unreachable' | 'erp_tls' | 'erp_redirected'
>;

export interface ErpFailure {
  code: ErpFailureCode;
  /** In plain words, with the stack's own detail (the caller redacts secrets from it). */
  message: string;
}

const TIMEOUT_CODES =
  /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/;
const TLS_CODES =
  /^(CERT_|UNABLE_TO_(GET|VERIFY|DECRYPT)|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH)/;
const TLS_MESSAGES = /net::ERR_(CERT_|SSL_|BAD_SSL_)|\b(certificate|SSL routines|TLS)\b/i;
const TIMEOUT_MESSAGES = /net::ERR_(TIMED_OUT|CONNECTION_TIMED_OUT)\b/;
const REDIRECT_MESSAGES = /redirect/i;

interface Described {
  name: string;
  message: string;
  code: string;
}

/** The error and its causes (undici nests the system error one or two levels down). */
function chainOf(error: unknown): Described[] {
  const chain: Described[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (typeof current !== 'object') {
      chain.push({
        name: '',
        message: typeof current === 'string' ? current : `a thrown ${typeof current}`,
        code: '',
      });
      break;
    }
    const record = current as {
      name?: unknown;
      message?: unknown;
      code?: unknown;
      cause?: unknown;
    };
    chain.push({
      name: typeof record.name === 'string' ? record.name : '',
      message: typeof record.message === 'string' ? record.message : '',
      code: typeof record.code === 'string' ? record.code : '',
    });
    current = record.cause;
  }
  return chain;
}

/** The deepest message that says more than "fetch failed". */
function detailOf(chain: Described[]): string {
  const parts = chain
    .map((link) => [link.code, link.message].filter((part) => part !== '').join(' '))
    .filter((part) => part !== '' && !/^(TypeError: )?(fetch failed|Failed to fetch)$/i.test(part));
  return parts.at(-1) ?? chain[0]?.message ?? 'no detail';
}

/** Classifies a failed fetch; `timeoutMs` is the limit the caller set (for the message). */
export function describeFetchFailure(error: unknown, timeoutMs: number): ErpFailure {
  const chain = chainOf(error);
  const detail = detailOf(chain);
  const any = (test: (link: Described) => boolean) => chain.some(test);
  if (
    any((link) => link.name === 'TimeoutError' || TIMEOUT_CODES.test(link.code)) ||
    any((link) => TIMEOUT_MESSAGES.test(link.message))
  ) {
    return {
      code: 'erp_timeout',
      message: `The ERP did not answer within ${Math.round(timeoutMs / 1000)} s`,
    };
  }
  if (any((link) => TLS_CODES.test(link.code) || TLS_MESSAGES.test(link.message))) {
    return {
      code: 'erp_tls',
      message: `The secure connection to the ERP failed (certificate or TLS): ${detail}`,
    };
  }
  if (any((link) => REDIRECT_MESSAGES.test(link.message))) {
    return {
      code: 'erp_redirected',
      message:
        'The ERP answered with a redirect, which is not followed: check the address (https://, the path)',
    };
  }
  return { code: 'erp_unreachable', message: `The ERP could not be reached: ${detail}` };
}
