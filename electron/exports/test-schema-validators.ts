import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv07 from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The official schemas, bundled in ./schemas (see its README for where each file came from), as
 * validators: SARIF 2.1.0 is a draft-04 schema, CycloneDX 1.6 a draft-07 one with the SPDX licence
 * list and JSF signature schemas beside it. Nothing is fetched: the references resolve to the
 * bundled files by their $id.
 */
const SCHEMAS = join(import.meta.dirname, 'schemas');
const schema = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as Record<string, unknown>;

export interface SchemaCheck {
  valid: boolean;
  /** "instancePath: message" per error, for a test failure a person can read. */
  errors: string[];
}

function checkerOf(validate: ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null }) {
  return (data: unknown): SchemaCheck => {
    const valid = validate(data);
    return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`) };
  };
}

export function sarifSchemaValidator(): (data: unknown) => SchemaCheck {
  // The schema's language pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is not a valid unicode-mode regular expression.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return checkerOf(ajv.compile(schema('sarif-schema-2.1.0.json')));
}

export function cycloneDxSchemaValidator(): (data: unknown) => SchemaCheck {
  const ajv = new Ajv07({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema('spdx.schema.json'));
  ajv.addSchema(schema('jsf-0.82.schema.json'));
  return checkerOf(ajv.compile(schema('bom-1.6.schema.json')));
}
