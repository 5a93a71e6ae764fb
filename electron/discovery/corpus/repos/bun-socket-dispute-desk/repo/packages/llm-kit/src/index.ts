// Public API of the shared model helpers other Northwind services install from the registry.
export * from './summarise';
export { type SummaryOptions } from './options';
