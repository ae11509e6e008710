import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  blobUploadStatus,
  change,
  changesResponse,
  COMMAND_STATUSES,
  COMMAND_TYPES,
  commandPayloads,
  errorResponse,
  pushRequest,
  pushResponse,
  sessionResponse,
  userEntity,
} from '@shared/erp';
import { PAUSE_REASONS, SLA_EVENT_TYPES } from '@shared/sla/types';
import { maintenanceWindowEntity } from '@shared/maintenance/window';
import {
  invalidTicket,
  organizationSchema,
  ticketSchema,
  validateChanges,
} from '@shared/sync/entity-schemas';

// docs/erp-protocol.md is what an ERP team implements from: its examples must be what the app
// accepts, and everything the code can send or answer must be in it. A new command type, status,
// entity or error code fails here until the document says what it is.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const doc = readFileSync(join(root, 'docs/erp-protocol.md'), 'utf8');

/** The JSON blocks marked `<!-- example: <kind> -->`, in order. */
function markedExamples(): { kind: string; json: string }[] {
  return [...doc.matchAll(/<!-- example: ([a-zA-Z_ ]+) -->\s*```json\n([\s\S]*?)```/g)].map(
    (match) => ({ kind: match[1]!.trim(), json: match[2]! }),
  );
}

const parse = (schema: z.ZodType) => (value: unknown) => void schema.parse(value);
const READERS: Record<string, (value: unknown) => void> = {
  sessionResponse: parse(sessionResponse),
  pushRequest: parse(pushRequest),
  errorResponse: parse(errorResponse),
  ticket: parse(ticketSchema),
  organization: parse(organizationSchema),
  user: parse(userEntity),
  maintenanceWindow: parse(maintenanceWindowEntity),
  blobUploadStatus: parse(blobUploadStatus),
  pushResponse: (value) => {
    for (const result of pushResponse.parse(value).results) {
      if (result.ticket !== undefined) expect(invalidTicket(result.ticket)).toBeNull();
    }
  },
  changesResponse: (value) =>
    expect(validateChanges(changesResponse.parse(value).changes)).toBeNull(),
  ...Object.fromEntries(
    COMMAND_TYPES.map((type) => [`payload ${type}`, parse(commandPayloads[type])]),
  ),
};

/** Error codes the reference server and the shared command rules can answer with. */
function codesInSource(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(root, 'electron/demo-erp'));
  walk(join(root, 'shared/domain'));
  // The window rules (the payload schemas beside them hold zod's own `code: 'custom'`).
  files.push(join(root, 'shared/maintenance/apply-window-command.ts'));
  // The push results both servers build (the reference server's and the Redmine adapter's).
  files.push(join(root, 'shared/erp/protocol.ts'));
  const found = new Set<string>();
  const pattern =
    /new HttpError\(\s*\d{3},\s*'([a-z_]+)'|\b(?:reject|conflict|rejected|refuse)\(\s*'([a-z_]+)'|\bcode: '([a-z_]+)'|\? '([a-z_]+)'\s*: '([a-z_]+)'/g;
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      for (const code of match.slice(1)) if (code) found.add(code);
    }
  }
  return [...found].sort();
}

describe('docs/erp-protocol.md', () => {
  it('marks its JSON examples, each of a kind the test can read', () => {
    const kinds = markedExamples().map((example) => example.kind);
    expect(kinds.length).toBeGreaterThanOrEqual(7);
    expect(kinds.filter((kind) => !(kind in READERS))).toEqual([]);
  });

  it.each(markedExamples().map((example, index) => [`${index + 1}: ${example.kind}`, example]))(
    'example %s is accepted by the code that reads it',
    (_label, example) => {
      READERS[example.kind]!(JSON.parse(example.json));
    },
  );

  it('has a row for every command type, result status and pause reason', () => {
    const rows = (names: readonly string[]) =>
      names.filter((name) => !new RegExp(`^\\| \`${name}\` +\\|`, 'm').test(doc));
    expect(rows(COMMAND_TYPES)).toEqual([]);
    expect(rows(COMMAND_STATUSES)).toEqual([]);
    expect(rows(PAUSE_REASONS)).toEqual([]);
  });

  it('names every SLA event type and describes every entity of the changes feed', () => {
    expect(SLA_EVENT_TYPES.filter((type) => !doc.includes(`\`${type}\``))).toEqual([]);
    // `maintenance_window` is described under `### MaintenanceWindow`.
    const headings = change.shape.entity.options.map(
      (entity) =>
        `### ${entity
          .split('_')
          .map((word) => word[0]!.toUpperCase() + word.slice(1))
          .join('')}`,
    );
    expect(headings.filter((heading) => !doc.includes(heading))).toEqual([]);
  });

  it('documents every error code the reference server and the command rules use', () => {
    const codes = codesInSource();
    // The search itself must keep finding codes, or this test proves nothing.
    expect(codes).toEqual(expect.arrayContaining(['seq_gap', 'invalid_payload', 'not_processed']));
    expect(codes.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
