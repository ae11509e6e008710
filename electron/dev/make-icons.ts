import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ICON_SOURCE,
  MAKE_ICONS_USAGE,
  parseMakeIconsFlags,
  renderIconSet,
  writeIconSet,
} from './icon-set';

// `npm run icons`: regenerates every icon from build/icon.svg. The outputs are committed; a unit
// test renders them again and fails when they no longer match the source.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const parsed = parseMakeIconsFlags(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`icons: ${parsed.message}\n\n${MAKE_ICONS_USAGE}`);
    process.exit(2);
  }
  if (parsed.flags.help) {
    console.log(MAKE_ICONS_USAGE);
    return;
  }
  const root = parsed.flags.out === undefined ? repoRoot : resolve(parsed.flags.out);
  const files = renderIconSet(await readFile(join(repoRoot, ICON_SOURCE), 'utf8'));
  await writeIconSet(files, root);
  for (const file of files) console.log(`${file.path}  ${file.bytes.length} bytes`);
}

main().catch((error: unknown) => {
  console.error(`icons: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
