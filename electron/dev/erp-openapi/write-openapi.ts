import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OPENAPI_FILE, renderErpOpenApi, REPO_ROOT } from './build-document';

// `npm run docs:openapi`: regenerates docs/erp-openapi.json from the zod schemas. The file is
// committed; a unit test renders it again and fails when it is stale.

async function main(): Promise<void> {
  if (process.argv.length > 2) {
    console.error('docs:openapi: takes no arguments; it writes ' + OPENAPI_FILE);
    process.exit(2);
  }
  const text = await renderErpOpenApi();
  const file = join(REPO_ROOT, OPENAPI_FILE);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  console.log(`${OPENAPI_FILE}  ${Buffer.byteLength(text)} bytes`);
}

main().catch((error: unknown) => {
  console.error(`docs:openapi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
