import { z } from 'zod';
import { EMPTY_INTAKE, type IntakeForm } from './intake-form';
import type { Letter } from './eml/read-letter';

/** The intake form as kept in its draft: the inputs as typed, and the letter they came from. */
export type IntakeDraft = IntakeForm & { letter: Letter | null };

export const EMPTY_INTAKE_DRAFT: IntakeDraft = { ...EMPTY_INTAKE, letter: null };

const letterSchema = z.object({
  fileName: z.string(),
  fromAddress: z.string(),
  fromName: z.string(),
  subject: z.string(),
  sentAt: z.iso.datetime({ offset: true }),
  description: z.object({
    steps: z.string(),
    expected: z.string(),
    actual: z.string(),
    diagnostics: z.string(),
    mapping: z.enum(['headings', 'whole', 'empty']),
  }),
  attachments: z.array(z.object({ name: z.string(), mimeType: z.string(), bytes: z.number() })),
});

export const intakeDraftSchema: z.ZodType<IntakeDraft> = z.object({
  organizationId: z.string(),
  account: z.string(),
  reporterEmail: z.string(),
  priority: z.enum(['', '1', '2', '3', '4']),
  title: z.string(),
  steps: z.string(),
  expected: z.string(),
  actual: z.string(),
  diagnostics: z.string(),
  notUserSideConfirmed: z.boolean(),
  createdAtLocal: z.string().nullable(),
  lateConfirmed: z.boolean(),
  lateReason: z.string(),
  letter: letterSchema.nullable(),
});
