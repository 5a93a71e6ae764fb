export * from './ledger-agent';
export * from './refund-agent';
export * from './notice-agent';
