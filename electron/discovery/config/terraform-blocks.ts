import { posix } from 'node:path';
import { ConfigSyntaxError } from './context';
import { parseJsonDocument } from './json-document';
import type { ConfigSource } from './source';
import { escapeRegExp } from './text-scan';
import { asArray, asRecord, entriesOf, type Json } from './values';

/** One `resource` or `data` block of a module, with the file it is written in. */
export interface TfBlock {
  /** "aws_lambda_function.triage" or "data.archive_file.triage". */
  address: string;
  type: string;
  name: string;
  body: Json;
  file: TfFile;
}

export interface TfFile {
  src: ConfigSource;
  /** 1-based line of the block's header, or of an attribute nested inside it. */
  lineOf(block: TfBlock, attributes?: string[]): number;
}

/**
 * Parses a .tf file (HCL, through HashiCorp's own parser compiled to WASM) or a .tf.json file
 * into its blocks. HCL's JSON form has no positions, so lines are found in the text by block
 * header and attribute name.
 */
export async function readTerraformFile(src: ConfigSource): Promise<TfBlock[]> {
  let json: Json;
  let file: TfFile;
  if (src.path.endsWith('.json')) {
    const doc = parseJsonDocument(src);
    json = asRecord(doc.value) ?? {};
    file = { src, lineOf: (block, attributes = []) => doc.lineOf([block.address.startsWith('data.') ? 'data' : 'resource', block.type, block.name, ...attributes]) };
  } else {
    json = await parseHclText(src);
    file = { src, lineOf: hclLocator(src) };
  }
  const blocks: TfBlock[] = [];
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, named] of entriesOf(json[kind])) {
      for (const [name, body] of entriesOf(named)) {
        const address = kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        blocks.push({ address, type, name, body: nested(body) ?? {}, file });
      }
    }
  }
  return blocks;
}

async function parseHclText(src: ConfigSource): Promise<Json> {
  // Imported on the first .tf file: loading the module unpacks and starts HashiCorp's parser
  // (Go compiled to WASM), which every process and analyzer thread would otherwise pay at start-up.
  const { parse: parseHcl } = await import('@cdktf/hcl2json');
  try {
    return asRecord(await parseHcl(src.path, src.text)) ?? {};
  } catch (error) {
    // "parse config: [main.tf:12,3-4: Unclosed configuration block; There is no closing brace…]"
    const message = error instanceof Error ? error.message : String(error);
    const detail = message.match(/:(\d+),\d+(?:-\d+)?: ([^;\]]+)/);
    throw new ConfigSyntaxError(`not valid Terraform: ${detail?.[2]?.trim() ?? message}`, detail ? Number(detail[1]) : null);
  }
}

const TOP_LEVEL_BLOCK = /^(resource|data|module|variable|output|locals|provider|terraform|moved|import|check)\b/;

function hclLocator(src: ConfigSource): TfFile['lineOf'] {
  const blockStarts = src.lines.flatMap((text, i) => (TOP_LEVEL_BLOCK.test(text) ? [i + 1] : []));
  return (block, attributes = []) => {
    const kind = block.address.startsWith('data.') ? 'data' : 'resource';
    const header = src.findLine(new RegExp(`^\\s*${kind}\\s+"?${block.type}"?\\s+"?${escapeRegExp(block.name)}"?`));
    if (!header) return 1;
    const end = (blockStarts.find((start) => start > header) ?? src.lines.length + 1) - 1;
    let line = header;
    for (const attribute of attributes) {
      const found = src.findLine(new RegExp(`^\\s*"?${escapeRegExp(attribute)}"?\\s*(=|\\{)`), line + 1, end);
      if (!found) break;
      line = found;
    }
    return line;
  };
}

/** Nested blocks come as one-element lists (`environment { … }` → `environment: [{…}]`). */
export function nested(value: unknown): Json | null {
  return asRecord(Array.isArray(value) ? value[0] : value);
}

export function nestedList(value: unknown): Json[] {
  return asArray(value).map(asRecord).filter((v): v is Json => v !== null);
}

/** Addresses an expression refers to: "${aws_lambda_function.triage.arn}" → ["aws_lambda_function.triage"]. */
export function referencesIn(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  const found: string[] = [];
  for (const match of text.matchAll(/\b(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
    const address = `${match[1] ?? ''}${match[2]}.${match[3]}`;
    if (!found.includes(address)) found.push(address);
  }
  return found;
}

/** A value written literally, not computed (`"${…}"`). */
export function literalOf(value: unknown): string | null {
  return typeof value === 'string' && !value.includes('${') ? value : typeof value === 'number' ? String(value) : null;
}

/** A path in the module's own terms (`${path.module}/src`) as a path from the scanned root, or null. */
export function modulePath(value: unknown, moduleDir: string): string | null {
  if (typeof value !== 'string') return null;
  const resolved = value.replace(/\$\{path\.(module|root|cwd)\}/g, '.');
  if (resolved.includes('${')) return null;
  const joined = posix.normalize(posix.join(moduleDir || '.', resolved));
  return joined.startsWith('..') ? null : joined;
}
