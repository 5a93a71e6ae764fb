export * from './agent';
export * from './registry';
export * from './errors';
export * from './contract';
