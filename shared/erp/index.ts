export * from './commands';
export * from './protocol';
