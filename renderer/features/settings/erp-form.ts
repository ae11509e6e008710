import { erpOriginOf, isAcceptableErpUrl } from '@shared/host/schemas';

/**
 * The ERP connection form: what a person typed → the address and token the host will take, or
 * an error per field naming what is wrong. The host checks the same address rule again
 * (`isAcceptableErpUrl`); this module exists to say *why* an address is refused.
 */

export type AddressError =
  | 'addressEmpty'
  | 'addressSpaces'
  | 'addressNoScheme'
  | 'addressScheme'
  | 'addressInvalid'
  | 'addressCredentials'
  | 'addressHttpRemote'
  | 'addressTooLong';

export type TokenError = 'tokenEmpty' | 'tokenSpaces' | 'tokenNotAscii' | 'tokenTooLong';

export interface FieldError<Code extends string> {
  code: Code;
  /** Values for the message, e.g. the scheme that was typed. */
  values?: Record<string, string>;
}

const MAX_ADDRESS = 2048;
const MAX_TOKEN = 8192;

export function validateErpAddress(
  typed: string,
): { ok: true; baseUrl: string } | { ok: false; error: FieldError<AddressError> } {
  const text = typed.trim();
  const fail = (code: AddressError, values?: Record<string, string>) => ({
    ok: false as const,
    error: values === undefined ? { code } : { code, values },
  });
  if (text === '') return fail('addressEmpty');
  if (text.length > MAX_ADDRESS) return fail('addressTooLong');
  if (/[\s\\]/.test(text)) return fail('addressSpaces');
  // "erp.example.ru" or "erp.example.ru:8443/api": the URL parser would read the host as a scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (scheme === undefined) return fail('addressNoScheme');
  if (!/^https?$/i.test(scheme)) return fail('addressScheme', { scheme: `${scheme}://` });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('addressInvalid');
  }
  if (url.hostname === '') return fail('addressInvalid');
  if (url.username !== '' || url.password !== '') return fail('addressCredentials');
  if (url.protocol === 'http:' && !isAcceptableErpUrl(text)) {
    return fail('addressHttpRemote', { host: url.host });
  }
  return isAcceptableErpUrl(text) ? { ok: true, baseUrl: text } : fail('addressInvalid');
}

/** A bearer token as the host stores it: printable ASCII, no spaces (see erpTokenSchema). */
export function validateErpToken(
  typed: string,
): { ok: true; token: string | null } | { ok: false; error: FieldError<TokenError> } {
  const text = typed.trim();
  if (text === '') return { ok: true, token: null };
  if (text.length > MAX_TOKEN) return { ok: false, error: { code: 'tokenTooLong' } };
  if (/\s/.test(text)) return { ok: false, error: { code: 'tokenSpaces' } };
  // Typed with the Russian layout on, or pasted with «smart» quotes.
  if (!/^[\x21-\x7e]+$/.test(text)) return { ok: false, error: { code: 'tokenNotAscii' } };
  return { ok: true, token: text };
}

export interface ErpFormInput {
  address: string;
  token: string;
  /** The origin a token is stored for now (null: none), from secrets:erp-token-status. */
  storedTokenOrigin: string | null;
}

export interface ErpFormErrors {
  address?: FieldError<AddressError>;
  token?: FieldError<TokenError>;
}

/**
 * What «Сохранить и подключиться» sends: the address, then the token. A token is required unless
 * one is already stored for this very origin; the host would drop a token of another origin.
 */
export function parseErpForm(
  input: ErpFormInput,
): { ok: true; baseUrl: string; token: string | null } | { ok: false; errors: ErpFormErrors } {
  const errors: ErpFormErrors = {};
  const address = validateErpAddress(input.address);
  const token = validateErpToken(input.token);
  if (!address.ok) errors.address = address.error;
  if (!token.ok) errors.token = token.error;
  if (address.ok && token.ok && token.token === null) {
    const keeps =
      input.storedTokenOrigin !== null && erpOriginOf(address.baseUrl) === input.storedTokenOrigin;
    if (!keeps) errors.token = { code: 'tokenEmpty' };
  }
  if (!address.ok || !token.ok || errors.token) return { ok: false, errors };
  return { ok: true, baseUrl: address.baseUrl, token: token.token };
}
