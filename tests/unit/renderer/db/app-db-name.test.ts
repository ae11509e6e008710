import { describe, expect, test } from 'vitest';
import { appDbNameFor } from '../../../../renderer/db/app-db';
import { DB_NAME } from '../../../../renderer/db/schema';

describe('appDbNameFor: one database per ERP', () => {
  test('the demo and a contract-2 ERP keep the names earlier builds gave them', () => {
    expect(appDbNameFor({ mode: 'demo', baseUrl: null })).toBe(DB_NAME);
    expect(appDbNameFor({ mode: 'configured', baseUrl: 'https://erp.example.ru/' })).toBe(
      `${DB_NAME}@https://erp.example.ru/`,
    );
    expect(
      appDbNameFor({ mode: 'configured', baseUrl: 'https://erp.example.ru/', kind: 'prokontakt' }),
    ).toBe(`${DB_NAME}@https://erp.example.ru/`);
  });

  test('a Redmine at the same address never shares the contract-2 database and its outbox', () => {
    const contract2 = appDbNameFor({
      mode: 'configured',
      baseUrl: 'https://erp.example.ru/',
      kind: 'prokontakt',
    });
    const redmine = appDbNameFor({
      mode: 'configured',
      baseUrl: 'https://erp.example.ru/',
      kind: 'redmine',
    });
    expect(redmine).not.toBe(contract2);
    expect(redmine).toBe(`${DB_NAME}@redmine@https://erp.example.ru/`);
  });
});
