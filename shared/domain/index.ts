export * from './user';
export * from './ticket';
export * from './apply-command';
export * from './command-rules';
export * from './assignment';
export * from './refusal-codes';
export * from './attachments';
