import { z } from 'zod';
import { alertMuteSchema } from '../alerts/schemas';
import type { RequestChannel, RequestInput, RequestOutput } from './contract';
import type { HostResult } from './result';
import {
  alertsUpdateSchema,
  diagnosticsLogSchema,
  erpBlobGetInputSchema,
  erpBlobPartsInputSchema,
  erpBlobPutInputSchema,
  erpChangesInputSchema,
  erpCheckInputSchema,
  erpPushInputSchema,
  setErpTokenSchema,
  settingsPatchSchema,
} from './schemas';

/**
 * The input schema of every request channel. `satisfies` ties it to the contract: a channel
 * without a schema, or a schema that accepts a different shape than the contract declares, is a
 * compile error.
 */
export const requestInputSchemas = {
  'app:info': z.undefined(),
  'settings:get': z.undefined(),
  'settings:set': settingsPatchSchema,
  'secrets:set-erp-token': setErpTokenSchema,
  'secrets:erp-token-status': z.undefined(),
  'erp:session': z.undefined(),
  'erp:push': erpPushInputSchema,
  'erp:changes': erpChangesInputSchema,
  'erp:check': erpCheckInputSchema,
  'erp:blob-parts': erpBlobPartsInputSchema,
  'erp:blob-put': erpBlobPutInputSchema,
  'erp:blob-get': erpBlobGetInputSchema,
  'alerts:update': alertsUpdateSchema,
  'alerts:mute': alertMuteSchema,
  'diagnostics:host': z.undefined(),
  'diagnostics:log': diagnosticsLogSchema,
} satisfies { [C in RequestChannel]: z.ZodType<unknown, RequestInput<C>> };

/** What a handler receives: the input after validation (trimmed, defaults applied). */
export type ParsedRequestInput<C extends RequestChannel> = z.output<
  (typeof requestInputSchemas)[C]
>;

export type RequestHandler<C extends RequestChannel> = (
  input: ParsedRequestInput<C>,
) => Promise<HostResult<RequestOutput<C>>>;

/** One handler per channel; both hosts build one of these. */
export type HostHandlers = { [C in RequestChannel]: RequestHandler<C> };

/** A short, field-naming summary of why a payload was rejected. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const at = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
      return `${at}: ${issue.message}`;
    })
    .join('; ');
}
