import { readFile } from 'node:fs/promises';
import { describeIssues } from '../push/parse-push';
import { teamFileSchema, tokenOwners, type DemoUser } from './team';

export type TeamFileResult = { ok: true; team: DemoUser[] } | { ok: false; message: string };

/**
 * Reads a `--users` file: JSON, checked with zod and for duplicates, every problem reported with
 * the file name and the entry at fault (`team.json: users[1].token: must be 8–200 …`).
 */
export async function readTeamFile(path: string): Promise<TeamFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: `--users ${path}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `--users ${path}: not valid JSON (${(error as Error).message})` };
  }
  const parsed = teamFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      message: `--users ${path}: ${describeIssues(parsed.error.issues, 'file')}`,
    };
  }
  try {
    tokenOwners(parsed.data.users);
  } catch (error) {
    const problem = (error as Error).message.replace(/^startDemoErp: /, '');
    return { ok: false, message: `--users ${path}: ${problem}` };
  }
  return { ok: true, team: parsed.data.users };
}
