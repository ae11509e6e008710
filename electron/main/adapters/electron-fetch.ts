import { net } from 'electron';
import type { FetchPort } from '../services/erp-gateway';

/** net.fetch uses Chromium's network stack: system proxy, PAC and certificate store apply. */
export const electronFetch: FetchPort = (url, init) => net.fetch(url, init);
