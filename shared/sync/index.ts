export * from './ports';
export * from './status';
export * from './engine';
export * from './backoff';
export * from './stamp';
export * from './optimistic-view';
export * from './entity-schemas';
export * from './erp-transport';
