import {
  ERP_PATHS,
  MAX_PULL_LIMIT,
  MAX_PUSH_COMMANDS,
  PROTOCOL_VERSION,
} from '../../../shared/erp/protocol';
import { DEFAULT_MAX_BODY_BYTES } from '../../demo-erp/index';
import { DEFAULT_PULL_LIMIT } from '../../demo-erp/changes/change-log';
import { blobPaths } from './blob-operations';
import type { JsonObject } from './json-pointer';
import { common, json, ref } from './operation-helpers';

/*
 * The document's `paths`, `components.responses` and `components.headers`: which answers each
 * endpoint may give. Prism holds the reference server to exactly this list in the contract tests,
 * so an answer added to the server without a line here fails them.
 */

const MIB = DEFAULT_MAX_BODY_BYTES / (1024 * 1024);

export const RESPONSES: JsonObject = {
  Unauthorized: {
    description:
      'No bearer token, one the server does not know, or one of a deactivated user. The app stops ' +
      'syncing until the user enters a token again.',
    headers: { 'WWW-Authenticate': { schema: { type: 'string', const: 'Bearer' } } },
    content: json('ErrorResponse', ['unauthorized']),
  },
  TooManyRequests: {
    description:
      'Throttled. The app waits at least `Retry-After` seconds (a user action does not shorten ' +
      'it), then retries the same request.',
    headers: { 'Retry-After': ref('headers', 'RetryAfter') },
    content: json('BusyError', ['tooManyRequests']),
  },
  Unavailable: {
    description:
      'Maintenance or overload: as 429, the app waits at least `Retry-After` seconds before it ' +
      'tries again.',
    headers: { 'Retry-After': ref('headers', 'RetryAfter') },
    content: json('BusyError', ['unavailable']),
  },
  ServerError: {
    description:
      'A transient failure on the server or a proxy in front of it, with any body. The app ' +
      'retries with exponential backoff (1 s … 5 min, full jitter). Everything a push changed ' +
      'must be either committed or not at all, because the app resends the same commands.',
  },
};

export const HEADERS: JsonObject = {
  RetryAfter: {
    description: 'Seconds to wait (delta-seconds) or an HTTP date.',
    required: true,
    schema: { type: 'string', examples: ['30'] },
  },
};

const session = {
  get: {
    operationId: 'getSession',
    tags: ['sync'],
    summary: 'Who the token belongs to, and the server clock',
    description:
      'The app calls it to connect, to test a connection and in its diagnostics. Nothing changes ' +
      'on the server.',
    responses: {
      '200': { description: 'The token is valid.', content: json('SessionResponse', ['session']) },
      ...common,
    },
  },
};

const push = {
  post: {
    operationId: 'push',
    tags: ['sync'],
    summary: 'Deliver a batch of commands, exactly once each',
    description:
      'Applies the commands in order, in one transaction, and answers one result per command. ' +
      'One bad command never fails the batch: it is `rejected` alone. Results are stored by ' +
      '`commandId`, so a resent command is answered `duplicate` and never applied twice. See ' +
      'docs/erp-protocol.md, "Push".',
    requestBody: {
      required: true,
      content: json('PushRequest', [
        'pushCreateAndReact',
        'pushHandOver',
        'pushPlanWindows',
        'pushEmpty',
      ]),
    },
    responses: {
      '200': {
        description: 'Every command was answered (`deferred` ones are to be sent again later).',
        content: json('PushResponse', [
          'pushApplied',
          'pushDuplicate',
          'pushRefusals',
          'pushHandOverAnswers',
          'unknownUser',
          'pushWindowAnswers',
        ]),
      },
      '400': {
        description:
          'The envelope is malformed (`malformed_json`, `invalid_request`) or names a command type ' +
          'the server does not know (`unknown_command_type`); the message names the field. Nothing ' +
          'was written. A payload that does not fit its command type is not a 400: that command ' +
          'alone is `rejected` with `invalid_payload`.',
        content: json('ErrorResponse', ['invalidRequest', 'unknownCommandType', 'malformedJson']),
      },
      '409': {
        description:
          "A new command's seq skips a number. Nothing was written; the app renumbers its pending " +
          'commands from `lastSeq + 1` and sends them again.',
        content: json('SeqGapError', ['seqGap']),
      },
      '413': {
        description: `More than ${MAX_PUSH_COMMANDS} commands (\`too_many_commands\`) or a body over ${MIB} MiB (\`body_too_large\`). The app halves the batch.`,
        content: json('TooLargeError', ['tooManyCommands', 'bodyTooLarge']),
      },
      '426': {
        description: `\`protocolVersion\` is not ${PROTOCOL_VERSION}. The app stops syncing and says an update is needed.`,
        content: json('UnsupportedProtocolError', ['unsupportedProtocol']),
      },
      ...common,
    },
  },
};

const changes = {
  get: {
    operationId: 'getChanges',
    tags: ['sync'],
    summary: 'Everything that changed after a cursor, a page at a time',
    description:
      'Without `cursor`: an initial snapshot of every entity, each once, in an order the app ' +
      'relies on — organizations and the team, then open and paused tickets, then every other ' +
      'ticket (resolved ones and tombstones) —, then whatever changed after the snapshot began. ' +
      'With a cursor: from there on, in change-log order. A cursor taken mid-snapshot resumes it. ' +
      'See docs/erp-protocol.md, "GET /sync/v1/changes".',
    parameters: [
      {
        name: 'cursor',
        in: 'query',
        required: false,
        description:
          '`nextCursor` of the previous page; absent or empty: an initial snapshot (a full sync).',
        schema: { type: 'string' },
      },
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: `Largest page wanted (the app asks for 500). Default ${DEFAULT_PULL_LIMIT}.`,
        schema: { type: 'integer', minimum: 1, maximum: MAX_PULL_LIMIT },
      },
    ],
    responses: {
      '200': {
        description: 'A page; `hasMore` says whether to ask again at once.',
        content: json('ChangesResponse', ['changesPage', 'changesCaughtUp']),
      },
      '400': {
        description:
          '`limit` out of range (`invalid_request`) or a cursor this server never issued (`invalid_cursor`).',
        content: json('ErrorResponse', ['invalidLimit', 'invalidCursor']),
      },
      '410': {
        description:
          'The cursor expired (the change log was compacted past it, or the database replaced). ' +
          'The app pulls everything again from no cursor, keeping its pending commands.',
        content: json('ErrorResponse', ['cursorExpired']),
      },
      ...common,
    },
  },
};

const health = {
  get: {
    operationId: 'getHealth',
    tags: ['monitoring'],
    summary: 'Liveness (optional; the app does not call it)',
    description: 'No token needed. Useful for monitoring and for test runners waiting for a start.',
    security: [],
    responses: {
      '200': { description: 'The server is up.', content: json('HealthResponse', ['health']) },
    },
  },
};

export const PATHS: JsonObject = {
  [ERP_PATHS.session]: session,
  [ERP_PATHS.push]: push,
  [ERP_PATHS.changes]: changes,
  ...blobPaths(),
  '/health': health,
};
