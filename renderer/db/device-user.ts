import type { UserRef } from '@shared/domain/user';

/**
 * Who this device's actions are by while the ERP has not yet said whose the token is (never
 * connected, or stored before "who am I" existed). The ERP signs every command from the token
 * anyway; on this device such records read as "you".
 */
export const DEVICE_USER: UserRef = { id: '@me', name: '@me' };
