import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseCliFlags, USAGE, type CliFlags } from './cli-flags';
import { startDemoErp } from './index';
import { readTeamFile } from './team/team-file';
import { demoTeamWithTokens, type DemoUser } from './team/team';

// The standalone reference ERP: `npm run erp:demo -- --port 8787 --data ./.erp-data
// [--users team.json | --token t1 --token t2 …]`. Prints its URL and who can sign in with which
// token; SIGINT/SIGTERM close the database cleanly before the process exits.

const randomToken = () => randomBytes(18).toString('base64url');

/** The --users file's team, or the demo team with tokens for its first engineers (at least). */
async function teamOf(flags: CliFlags): Promise<DemoUser[]> {
  if (flags.users !== undefined) {
    const file = await readTeamFile(resolve(flags.users));
    if (!file.ok) {
      console.error(`erp:demo: ${file.message}`);
      process.exit(2);
    }
    return file.team;
  }
  return demoTeamWithTokens(flags.token ?? [], randomToken);
}

/** The URL as printed: a password stays out of logs. */
function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

async function main(): Promise<void> {
  const parsed = parseCliFlags(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`erp:demo: ${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const { flags } = parsed;
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const team = await teamOf(flags);
  const dataDir = resolve(flags.data);
  const erp = await startDemoErp({
    dataDir,
    ...(flags.database === undefined ? {} : { database: flags.database }),
    port: flags.port,
    host: flags.host,
    users: team,
    seed: { tickets: flags['seed-tickets'] },
    maxBlobBytes: flags['max-blob-bytes'],
    testMode: flags['test-mode'],
  });
  const signIns = team.filter((member) => member.token !== undefined && member.active !== false);
  console.log(
    [
      'Demo ERP (reference server of the PROконтакт sync protocol, version 1)',
      `  URL:   ${erp.url}`,
      `  Team:  ${team.length} users; these can sign in (bearer token → user):`,
      ...signIns.map((member) => `    ${member.token!}  → ${member.name} (${member.id})`),
      flags.database === undefined
        ? `  Data:  ${dataDir} (attachments in blobs/, at most ${flags['max-blob-bytes']} bytes each)`
        : `  Data:  PostgreSQL ${withoutPassword(flags.database)}; attachments in ${dataDir}/blobs/ (at most ${flags['max-blob-bytes']} bytes each)`,
      ...(flags['test-mode'] ? ['  Test mode: admin routes under /__test/ are enabled'] : []),
      'Stop with Ctrl+C.',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Wrappers (npm, tsx, timeout) may relay the same Ctrl+C a second time: a repeat must not cut
    // the clean close short. A close that hangs is cut off by the watchdog instead.
    if (stopping) return;
    stopping = true;
    console.log(`erp:demo: ${signal}, closing the database…`);
    setTimeout(() => {
      console.error('erp:demo: the database did not close within 10 s, exiting');
      process.exit(1);
    }, 10_000).unref();
    erp.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`erp:demo: could not close cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`erp:demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
