/**
 * The registry spreadsheet formats, apart from the contract's schemas so the CLI can name them
 * (help, --format) without loading zod and every contract.
 */
export const REGISTRY_FORMATS = ['csv', 'xlsx'] as const;
export type RegistryFormat = (typeof REGISTRY_FORMATS)[number];
