import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_REDMINE_MAPPING } from '@shared/erp/redmine/mapping';

/**
 * Answers recorded from a real Redmine 5.0.4 by tests/redmine/record-fixtures.ts (engineer: user 5,
 * colleague: user 6, project 1 «Северсталь-Сервис» in Europe/Moscow). Its setup script creates the
 * ids of DEFAULT_REDMINE_MAPPING, so that is the mapping they were recorded with.
 */
export function recorded(name: string): {
  request: { method: string; path: string; body?: unknown };
  status: number;
  body: unknown;
} {
  const path = fileURLToPath(new URL(`../../../../fixtures/redmine/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as ReturnType<typeof recorded>;
}

export const MAPPING = DEFAULT_REDMINE_MAPPING;
export const ENGINEER = { id: 5, name: 'Ирина Соколова' };
export const COLLEAGUE = { id: 6, name: 'Пётр Волков' };
