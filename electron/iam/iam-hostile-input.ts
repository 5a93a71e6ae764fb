/**
 * Values an attacker could put in an IAM export, shared by the GCP, Azure and Kubernetes reader
 * tests: each reader must reject or read them without a TypeError and without touching prototypes.
 */
export const TEN_MEGABYTES = 'A'.repeat(10 * 1024 * 1024);

export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value, b: [value] };
  return value;
}

/** JSON text as it arrives from a file: JSON.parse makes "__proto__" an own key, as a real import would. */
export function withProtoKeys(json: string): unknown {
  return JSON.parse(json);
}

export function prototypesUntouched(): boolean {
  const probe: Record<string, unknown> = {};
  return probe['polluted'] === undefined && ([] as unknown as Record<string, unknown>)['polluted'] === undefined && Object.keys(Object.prototype).length === 0;
}
