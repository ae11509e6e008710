import canonicalize from 'canonicalize';
import type { EvidencePack } from './types';

/**
 * The pack as RFC 8785 (JCS) canonical JSON: keys sorted by code unit, numbers in ECMAScript's
 * shortest form, no whitespace. The same pack gives the same bytes whatever order its keys were
 * built in, so its SHA-256 identifies the content.
 */
export function canonicalEvidenceJson(pack: EvidencePack): string {
  const text = canonicalize(pack);
  // canonicalize answers undefined only for a value with no JSON form; a pack is always an object.
  if (text === undefined) throw new TypeError('the evidence pack has no JSON form');
  return text;
}
