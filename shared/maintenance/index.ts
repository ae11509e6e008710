export * from './window';
export * from './allowed-hours';
