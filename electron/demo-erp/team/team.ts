import { z } from 'zod';
import { userEntity } from '../../../shared/erp';
import { describeIssues } from '../push/parse-push';

/**
 * A member of the demo ERP's team. Everyone is published to devices as a `user` entity; those
 * with a `token` can also sign in (a token is a credential, so the default team has none: the
 * CLI and the embedding code make them per run).
 */
export interface DemoUser {
  id: string;
  name: string;
  email?: string;
  /** Default true. A deactivated user's token is refused, and nobody can hand them a ticket. */
  active?: boolean;
  token?: string;
}

/**
 * The vendor's support engineers: the authors of the seeded history and the default team. The
 * first three are the ones the CLI gives tokens to, so two or three devices can act as
 * different people; the embedded demo (desktop app and `dev:web`) signs in as the first.
 */
export const DEMO_TEAM: readonly DemoUser[] = [
  { id: 'andreev', name: 'Андреев Павел', email: 'p.andreev@prokontakt.example' },
  { id: 'belova', name: 'Белова Марина', email: 'm.belova@prokontakt.example' },
  { id: 'gusev', name: 'Гусев Константин', email: 'k.gusev@prokontakt.example' },
  { id: 'zhuravleva', name: 'Журавлёва Ольга', email: 'o.zhuravleva@prokontakt.example' },
  { id: 'kim', name: 'Ким Денис', email: 'd.kim@prokontakt.example' },
  { id: 'lebedev', name: 'Лебедев Артём', email: 'a.lebedev@prokontakt.example' },
  { id: 'nikitina', name: 'Никитина Светлана', email: 's.nikitina@prokontakt.example' },
  { id: 'sokolov', name: 'Соколов Илья', email: 'i.sokolov@prokontakt.example' },
];

/** How many of the demo team can sign in when nobody says otherwise. */
export const DEMO_SIGN_INS = 3;

/**
 * The demo team for `erp:demo` without a --users file: the given tokens go to its engineers in
 * order (`--token` once per engineer), and the first DEMO_SIGN_INS get a made one if not given.
 */
export function demoTeamWithTokens(tokens: readonly string[], makeToken: () => string): DemoUser[] {
  if (tokens.length > DEMO_TEAM.length) {
    throw new Error(`${tokens.length} tokens for a demo team of ${DEMO_TEAM.length}`);
  }
  return DEMO_TEAM.map((member, index) => {
    const token = tokens[index] ?? (index < DEMO_SIGN_INS ? makeToken() : undefined);
    return token === undefined ? { ...member } : { ...member, token };
  });
}

/** The engineer the embedded demo ERP signs the app in as. */
export const EMBEDDED_DEMO_USER_ID = 'andreev';

// What a bearer token may be. Files and flags people type want 8 characters at least; code that
// embeds the server (tests, benchmarks) may use shorter ones.
const TOKEN_PATTERN = /^[\x21-\x7e]{1,200}$/;
const TOKEN_RULE = 'must be 1–200 printable ASCII characters, no spaces';
export const TYPED_TOKEN = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/, 'must be 8–200 printable ASCII characters, no spaces');

const required = (what: string) => ({
  error: (issue: { input: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${what}`,
});

const demoUser = z
  .object({
    id: z.string(required('a string')).pipe(userEntity.shape.id),
    name: z.string(required('a string')).pipe(userEntity.shape.name),
    email: z
      .string()
      .trim()
      .max(254, 'must be at most 254 characters')
      .regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address like name@example.ru')
      .optional(),
    active: z.boolean().optional(),
    token: z.string().regex(TOKEN_PATTERN, TOKEN_RULE).optional(),
  })
  .strict();

const typedUser = demoUser.extend({ token: TYPED_TOKEN.optional() });

/** The `--users` file: `{ "users": [ … ] }`, or the list alone (read as the same). */
export const teamFileSchema = z.preprocess(
  (value) => (Array.isArray(value) ? { users: value } : value),
  z
    .object(
      {
        users: z
          .array(typedUser, {
            error: (issue) =>
              issue.input === undefined
                ? 'is missing: the file must hold {"users": [{"id", "name", "token"}, …]}'
                : 'must be a list of users',
          })
          .min(1, 'must list at least one user'),
      },
      {
        error: (issue) =>
          issue.code === 'invalid_type'
            ? 'the file must hold {"users": [{"id", "name", "token"}, …]}'
            : undefined,
      },
    )
    .strict(),
);

/** The signed-in user behind a token. */
export interface TokenOwner {
  id: string;
  name: string;
  email?: string;
  active: boolean;
}

/**
 * Checks a team and its tokens and returns token → user. Throws with a message naming the entry
 * at fault: duplicate ids or tokens, a token for nobody, no way to sign in at all.
 */
export function tokenOwners(
  team: readonly DemoUser[],
  extraTokens: Readonly<Record<string, string>> = {},
): Map<string, TokenOwner> {
  const parsed = z.object({ users: z.array(demoUser) }).safeParse({ users: team });
  if (!parsed.success) {
    throw new Error(`startDemoErp: ${describeIssues(parsed.error.issues, 'users')}`);
  }
  const members = parsed.data.users;
  const byId = new Map<string, TokenOwner>();
  for (const [index, user] of members.entries()) {
    if (byId.has(user.id)) {
      throw new Error(`startDemoErp: users[${index}].id "${user.id}" is used twice`);
    }
    byId.set(user.id, {
      id: user.id,
      name: user.name,
      ...(user.email === undefined ? {} : { email: user.email }),
      active: user.active ?? true,
    });
  }
  const owners = new Map<string, TokenOwner>();
  const add = (token: string, userId: string, where: string) => {
    if (!TOKEN_PATTERN.test(token)) throw new Error(`startDemoErp: ${where} ${TOKEN_RULE}`);
    if (owners.has(token)) throw new Error(`startDemoErp: ${where} is given to two users`);
    const owner = byId.get(userId);
    if (!owner) throw new Error(`startDemoErp: ${where} names "${userId}", who is not in users`);
    owners.set(token, owner);
  };
  members.forEach((user, index) => {
    if (user.token !== undefined) add(user.token, user.id, `users[${index}].token`);
  });
  for (const [token, userId] of Object.entries(extraTokens)) {
    add(token, userId, `a token of tokens (for "${userId}")`);
  }
  if (![...owners.values()].some((owner) => owner.active)) {
    throw new Error('startDemoErp: no user can sign in: give at least one active user a token');
  }
  return owners;
}
