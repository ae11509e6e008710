import { z } from 'zod';

/*
 * Another implementation of contract 2 to run the black-box suite against (docs/erp-protocol.md,
 * "The reference server as an executable specification"). Read from the environment, because
 * vitest passes it to every worker; `npm run test:erp` sets it from its flags.
 */

export interface ExternalErp {
  url: string;
  /** Two tokens of two different users: conflicts between engineers need both. */
  token: string;
  secondToken: string;
  /** An organization both users may register tickets for. */
  organizationId: string;
}

export const EXTERNAL_ERP_VARIABLES = {
  url: 'ERP_UNDER_TEST',
  token: 'ERP_UNDER_TEST_TOKEN',
  secondToken: 'ERP_UNDER_TEST_SECOND_TOKEN',
  organizationId: 'ERP_UNDER_TEST_ORGANIZATION',
} as const;

const token = (name: string) =>
  z
    .string({ error: `${name} must be set` })
    .regex(/^[\x21-\x7e]+$/, `${name} must be printable ASCII without spaces`);

const externalErpSchema = z
  .object({
    url: z
      .string()
      .refine(
        (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
        `${EXTERNAL_ERP_VARIABLES.url} must be an http: or https: URL`,
      )
      .transform((value) => value.replace(/\/+$/, '')),
    token: token(EXTERNAL_ERP_VARIABLES.token),
    secondToken: token(EXTERNAL_ERP_VARIABLES.secondToken),
    organizationId: z
      .string({ error: `${EXTERNAL_ERP_VARIABLES.organizationId} must be set` })
      .min(1, `${EXTERNAL_ERP_VARIABLES.organizationId} must not be empty`),
  })
  .refine((erp) => erp.token !== erp.secondToken, {
    message: `${EXTERNAL_ERP_VARIABLES.secondToken} must differ from ${EXTERNAL_ERP_VARIABLES.token}`,
  });

/** The external server named by the environment, null when ERP_UNDER_TEST is not set. */
export function externalErpFromEnv(env: Readonly<Record<string, string | undefined>>) {
  if (!env[EXTERNAL_ERP_VARIABLES.url]) return null;
  const parsed = externalErpSchema.safeParse(
    Object.fromEntries(
      Object.entries(EXTERNAL_ERP_VARIABLES).map(([key, variable]) => [key, env[variable]]),
    ),
  );
  if (!parsed.success) throw new Error(`ERP_UNDER_TEST: ${parsed.error.issues[0]!.message}`);
  return parsed.data satisfies ExternalErp;
}
