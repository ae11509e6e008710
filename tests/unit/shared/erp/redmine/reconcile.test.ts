import { describe, expect, it } from 'vitest';
import { tombstonesFor } from '@shared/erp/redmine/pull/reconcile';

describe('Redmine deletions', () => {
  it('turns a ticket whose issue Redmine no longer lists into a tombstone, one version up', () => {
    const held = new Map([
      ['01930f7e-4a2b-7c3d-8e9f-0a1b2c3d4e5f', { issueId: 1, version: 8 }],
      ['redmine-2', { issueId: 2, version: 3 }],
    ]);
    expect(tombstonesFor(held, new Set([1, 3]))).toEqual([
      { entity: 'ticket', id: 'redmine-2', version: 4, deleted: true, data: null },
    ]);
    expect(tombstonesFor(held, new Set([1, 2]))).toEqual([]);
  });
});
