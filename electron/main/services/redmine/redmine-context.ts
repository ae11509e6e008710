import type { RedmineMapping } from '@shared/erp/redmine/mapping';
import type { RedmineHttp } from './redmine-http';

/** What a pull or a push against Redmine works with: one endpoint's HTTP, its mapping, a clock. */
export interface RedmineContext {
  http: RedmineHttp;
  mapping: RedmineMapping;
  now: () => number;
}
