import { z } from 'zod';
import {
  commandPayloads,
  COMMAND_TYPES,
  isoDate,
  isoInstant,
  pauseReasonSchema,
  prioritySchema,
  type CommandType,
} from '../../../shared/erp/commands';
import {
  change,
  changesResponse,
  commandResult,
  errorBody,
  errorResponse,
  MAX_PUSH_COMMANDS,
  PROTOCOL_VERSION,
  pushRequest,
  pushResponse,
  sessionResponse,
  wireCommand,
  type Change,
} from '../../../shared/erp/protocol';
import { userEntity, userRef } from '../../../shared/erp/users';
import { blobUploadStatus, sha256Hex } from '../../../shared/erp/blobs';
import { organizationSchema, ticketSchema } from '../../../shared/sync/entity-schemas';
import { maintenanceWindowEntity } from '../../../shared/maintenance/window';
import {
  COMMAND_DOCS,
  COMMON_COMMAND_RULES,
  commandComponentId,
  payloadComponentId,
} from './command-docs';
import { NOT_BLANK_PATTERN } from './patterns';
import { nodeAt, type JsonObject } from './json-pointer';
import { describeSchemas } from './schema-descriptions';

/*
 * The document's `components.schemas`, converted by zod from the schemas the app and the reference
 * server validate with. Where the wire schema is deliberately open (a command's `payload`, a
 * change's `data`, a result's `ticket`), the document closes it with the schema the receiving side
 * applies next (the payload schema of the command's type, the entity schemas the client stores
 * with), so an ERP team can generate typed code. Keywords zod cannot derive (descriptions, the
 * patterns of hand-written parsers) are added after conversion, by path: a path that no longer
 * exists fails the generation.
 */

interface Meta {
  id: string;
  description?: string;
}

/** The data schema of each entity the changes feed carries; a new entity must be added here. */
const ENTITY_DATA: Record<Change['entity'], { id: string; schema: z.ZodType }> = {
  ticket: { id: 'Ticket', schema: ticketSchema },
  organization: { id: 'Organization', schema: organizationSchema },
  user: { id: 'User', schema: userEntity },
  maintenance_window: { id: 'MaintenanceWindow', schema: maintenanceWindowEntity },
};

function buildRegistry() {
  const registry = z.registry<Meta>();
  const add = <T extends z.ZodType>(schema: T, meta: Meta): T => {
    registry.add(schema, meta);
    return schema;
  };

  add(isoInstant, { id: 'Instant' });
  add(isoDate, { id: 'CalendarDate' });
  add(wireCommand.shape.commandId, { id: 'Uuid' });
  add(prioritySchema, { id: 'Priority' });
  add(pauseReasonSchema, { id: 'PauseReason' });
  add(errorBody, { id: 'ErrorBody' });
  const ticket = add(ticketSchema, { id: 'Ticket' });
  add(organizationSchema, { id: 'Organization' });
  add(userEntity, { id: 'User' });
  const window = add(maintenanceWindowEntity, { id: 'MaintenanceWindow' });
  add(userRef, { id: 'UserRef' });
  add(sha256Hex, { id: 'Sha256' });

  const commands = COMMAND_TYPES.map((type: CommandType) => {
    const payload = add(commandPayloads[type], { id: payloadComponentId(type) });
    return add(wireCommand.extend({ type: z.literal(type), payload }), {
      id: commandComponentId(type),
      description: COMMAND_DOCS[type],
    });
  });
  const [firstCommand, ...otherCommands] = commands;
  const command = add(z.discriminatedUnion('type', [firstCommand!, ...otherCommands]), {
    id: 'Command',
    description: `One user action. ${COMMON_COMMAND_RULES}`,
  });
  add(
    pushRequest.extend({
      protocolVersion: z.literal(PROTOCOL_VERSION),
      commands: z.array(command).max(MAX_PUSH_COMMANDS),
    }),
    { id: 'PushRequest' },
  );
  const result = add(
    commandResult.extend({ ticket: ticket.optional(), window: window.optional() }),
    { id: 'CommandResult' },
  );
  add(pushResponse.extend({ results: z.array(result) }), { id: 'PushResponse' });

  const entities = Object.keys(ENTITY_DATA) as Change['entity'][];
  const live = entities.map((entity) => {
    const data = ENTITY_DATA[entity];
    return add(
      change.extend({ entity: z.literal(entity), deleted: z.literal(false), data: data.schema }),
      { id: `${data.id}Change` },
    );
  });
  const tombstone = add(change.extend({ deleted: z.literal(true), data: z.null() }), {
    id: 'Tombstone',
  });
  const anyChange = add(z.union([...live, tombstone]), { id: 'Change' });
  add(changesResponse.extend({ changes: z.array(anyChange) }), { id: 'ChangesResponse' });

  add(blobUploadStatus, { id: 'BlobUploadStatus' });
  add(sessionResponse, { id: 'SessionResponse' });
  add(errorResponse, { id: 'ErrorResponse' });
  const count = z.number().int().nonnegative();
  add(errorResponse.extend({ lastSeq: count }), { id: 'SeqGapError' });
  add(errorResponse.extend({ maxCommands: count.optional(), maxBytes: count.optional() }), {
    id: 'TooLargeError',
  });
  add(errorResponse.extend({ supportedVersions: z.array(z.number().int()) }), {
    id: 'UnsupportedProtocolError',
  });
  add(errorResponse.extend({ retryAfterSeconds: count.optional() }), { id: 'BusyError' });
  add(
    z.object({
      ok: z.literal(true),
      serverTime: isoInstant,
      protocolVersion: z.number().int(),
      demo: z.boolean().optional(),
    }),
    { id: 'HealthResponse' },
  );
  return registry;
}

/** `components.schemas` of the document: converted, then annotated. */
export function buildComponentSchemas(): JsonObject {
  const registry = buildRegistry();
  const converted = z.toJSONSchema(registry, {
    metadata: registry,
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ zodSchema, jsonSchema }) => markNotBlank(zodSchema, jsonSchema),
  }) as { schemas: Record<string, JsonObject> };
  const schemas: JsonObject = {};
  for (const [id, schema] of Object.entries(converted.schemas)) {
    // Every schema is a component of one document: no dialect or base URI of its own.
    const rest = { ...schema };
    delete rest['$schema'];
    delete rest['$id'];
    schemas[id] = rest;
  }
  closeUnions(schemas);
  describeSchemas(schemas);
  return schemas;
}

/**
 * Text fields are trimmed before their minimum length is checked, which JSON Schema cannot say:
 * a string the schema refuses when it is only spaces, but accepts as letters, gets a pattern that
 * requires a non-space character. Found by asking the zod schema, not by reading its internals.
 */
function markNotBlank(zodSchema: unknown, jsonSchema: JsonObject): void {
  const minLength = jsonSchema['minLength'];
  if (jsonSchema['type'] !== 'string' || typeof minLength !== 'number' || minLength < 1) return;
  const schema = zodSchema as z.ZodType;
  const accepts = (value: string) => schema.safeParse(value).success;
  if (!accepts(' '.repeat(minLength)) && accepts('x'.repeat(minLength))) {
    jsonSchema['pattern'] = NOT_BLANK_PATTERN;
  }
}

/**
 * The command union is discriminated by `type` (OpenAPI's discriminator lets generators pick the
 * class); the change variants exclude each other (entity, deleted), so exactly one matches.
 */
function closeUnions(schemas: JsonObject): void {
  const command = nodeAt(schemas, 'Command');
  command['discriminator'] = {
    propertyName: 'type',
    mapping: Object.fromEntries(
      COMMAND_TYPES.map((type) => [type, `#/components/schemas/${commandComponentId(type)}`]),
    ),
  };
  const changeUnion = nodeAt(schemas, 'Change');
  const { anyOf, ...rest } = changeUnion;
  if (!Array.isArray(anyOf)) throw new Error('erp-openapi: Change is no longer a union');
  schemas['Change'] = { oneOf: anyOf, ...rest };
}
