import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { PROTOCOL_VERSION } from '../../../shared/erp/protocol';
import { buildComponentSchemas } from './component-schemas';
import type { JsonObject } from './json-pointer';
import { HEADERS, PATHS, RESPONSES } from './operations';

/** Where `npm run docs:openapi` writes the document, relative to the repository root. */
export const OPENAPI_FILE = 'docs/erp-openapi.json';
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const DESCRIPTION = `Contract 2 of PROконтакт Support Desk: how the desktop app and the vendor's ERP exchange support tickets. The app records every user action as a command with a client-generated id and a per-device sequence number, pushes them when it is online (each applied exactly once, stamped with the time the user acted), and pulls everything that changed through an opaque cursor.

Generated from the zod schemas the app and the reference server validate with (\`npm run docs:openapi\`); do not edit by hand. The rules behind the shapes (exactly-once, clocks, cursors, what each command does) are in docs/erp-protocol.md.`;

/** The OpenAPI 3.1 document of the ERP protocol, as a JSON value. */
export function buildErpOpenApi(): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'PROконтакт ERP sync protocol',
      version: String(PROTOCOL_VERSION),
      description: DESCRIPTION,
      license: { name: 'Proprietary (Smart Consulting)', url: 'https://smart-consulting.ru' },
    },
    servers: [
      {
        url: 'http://127.0.0.1:8787',
        description:
          'The reference server (`npm run erp:demo`). The app appends these paths to the ERP ' +
          'address it is configured with, which may end in a path prefix (https://erp.example.ru/api).',
      },
    ],
    security: [{ bearerToken: [] }],
    tags: [
      { name: 'sync', description: 'Session, push and changes: the commands and what they did.' },
      {
        name: 'blobs',
        description:
          'Attachments: files uploaded in parts under their SHA-256 before an `attach` command ' +
          'refers to them, and downloaded on demand.',
      },
      { name: 'monitoring', description: 'Optional; the app does not call it.' },
    ],
    paths: PATHS,
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            "`Authorization: Bearer <token>`. The token identifies a user: the server signs every event the push records with that user's name.",
        },
      },
      schemas: buildComponentSchemas(),
      responses: RESPONSES,
      headers: HEADERS,
    },
  };
}

/** The document as committed: JSON formatted the way `prettier --check` expects it. */
export async function renderErpOpenApi(): Promise<string> {
  const file = join(REPO_ROOT, OPENAPI_FILE);
  const options = await resolveConfig(file);
  return format(JSON.stringify(buildErpOpenApi()), { ...options, filepath: file });
}
