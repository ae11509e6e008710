export * from './ticket';
export * from './apply-command';
export * from './command-rules';
