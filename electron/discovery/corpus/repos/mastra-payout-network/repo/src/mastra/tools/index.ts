export * from './ledger-balance';
export * from './refund-charge';
