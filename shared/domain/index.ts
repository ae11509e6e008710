export * from './ticket';
export * from './apply-command';
