export * from './commands';
export * from './protocol';
export * from './users';
export * from './blobs';
