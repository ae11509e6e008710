import { useLiveQuery } from 'dexie-react-hooks';
import { getAppDb } from '../../db/app-db';
import { getMe, usersById } from '../../db/repos/users';
import { NOBODY, type People } from './people';

/** "Me" and the team, live: a new session answer or a pulled `user` change re-renders. */
export function usePeople(): People {
  return (
    useLiveQuery(async (): Promise<People> => {
      const db = getAppDb();
      const [me, team] = await Promise.all([getMe(db), usersById(db)]);
      return { me, team, loaded: true };
    }, []) ?? NOBODY
  );
}
