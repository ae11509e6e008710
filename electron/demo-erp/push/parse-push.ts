import type { z } from 'zod';
import {
  MAX_PUSH_COMMANDS,
  PROTOCOL_VERSION,
  pushRequest,
  type PushRequest,
} from '../../../shared/erp';
import { HttpError } from '../http/http-error';
import { findJsonProblem } from './json-safety';

/** `commands[3].payload.title` — the field as a client developer would write it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Up to three zod issues, each prefixed with the field it is about. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], subject: string): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const field = fieldPath(issue.path);
    return `${field === '' ? subject : field}: ${issue.message}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  return parts.join('; ') + more;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a push body in the order that gives the most useful answer: a newer client learns about
 * the protocol version (426) even if the rest of its body looks foreign, and a batch that is too
 * large gets 413 before 500 commands are validated one by one.
 */
export function parsePushBody(body: unknown): PushRequest {
  if (!isRecord(body)) {
    throw new HttpError(400, 'invalid_request', 'request body must be a JSON object');
  }
  const version = body.protocolVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version !== PROTOCOL_VERSION) {
    throw new HttpError(
      426,
      'unsupported_protocol',
      `protocolVersion ${version} is not supported: this server speaks protocol ${PROTOCOL_VERSION}`,
      { supportedVersions: [PROTOCOL_VERSION] },
    );
  }
  if (Array.isArray(body.commands) && body.commands.length > MAX_PUSH_COMMANDS) {
    throw new HttpError(
      413,
      'too_many_commands',
      `commands: ${body.commands.length} commands in one push, at most ${MAX_PUSH_COMMANDS} are accepted`,
      { maxCommands: MAX_PUSH_COMMANDS },
    );
  }
  const deep = findJsonProblem(body, { depthOnly: true });
  if (deep)
    throw new HttpError(400, 'invalid_request', `${deep.path || 'request body'}: ${deep.message}`);
  const parsed = pushRequest.safeParse(body);
  if (parsed.success) {
    // Payload text is checked per command (a bad one is rejected alone); ticketId is the
    // envelope, stored as a key, so a value Postgres cannot hold fails the request.
    for (const [index, command] of parsed.data.commands.entries()) {
      const problem = findJsonProblem(command.ticketId);
      if (problem) {
        throw new HttpError(
          400,
          'invalid_request',
          `commands[${index}].ticketId: ${problem.message}`,
        );
      }
    }
    return parsed.data;
  }
  const issues = parsed.error.issues;
  const first = issues[0]?.path ?? [];
  // A type this server does not know is most likely a newer client: say so in the code.
  const unknownType = first.length === 3 && first[0] === 'commands' && first[2] === 'type';
  throw new HttpError(
    400,
    unknownType ? 'unknown_command_type' : 'invalid_request',
    describeIssues(issues, 'request body'),
  );
}
