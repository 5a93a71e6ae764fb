/** Registry spreadsheets: read a CSV/XLSX into a checked import plan, and export the registry. */
export { parseRegistryFile, type ParsedRegistryFile } from './parse-file';
export { planRegistryImport, type ExistingAgent, type PlanOptions, type RegistryImportOperation, type RegistryImportPlan } from './plan-import';
export { REGISTRY_MEDIA_TYPES, registryToCsv, registryToXlsx } from './export';
export { detectRegistryFormat, type DetectedRegistryFile } from './detect-format';
export { MAX_REGISTRY_COLUMNS, MAX_REGISTRY_ROWS } from './table';
