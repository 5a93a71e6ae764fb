import { posix } from 'node:path';

/**
 * Files that exist to hold a deployment's secrets: .env files, Terraform variable files, private
 * key files. The walker reads them even when .gitignore lists them, the config analyzers read
 * only names and fingerprints from them, and the linker gives their credentials to the units of
 * their folder.
 */
export type SecretFileFormat = 'dotenv' | 'tfvars' | 'key-file';

/** `.env.example`, `.env.sample.local`: templates that document the names, with no real value. */
const TEMPLATE_PART = /^(examples?|samples?|templates?|tmpl|tpl|dist|schema)$/;

export function secretFileFormat(relPath: string): SecretFileFormat | null {
  const name = posix.basename(relPath).toLowerCase();
  if (name === '.env') return 'dotenv';
  if (name.startsWith('.env.')) return name.slice('.env.'.length).split('.').some((part) => TEMPLATE_PART.test(part)) ? null : 'dotenv';
  // Wrangler's local secrets for a Cloudflare Worker (`.dev.vars`, `.dev.vars.staging`), in dotenv syntax.
  if (name === '.dev.vars') return 'dotenv';
  if (name.startsWith('.dev.vars.')) return name.slice('.dev.vars.'.length).split('.').some((part) => TEMPLATE_PART.test(part)) ? null : 'dotenv';
  if (/\.tfvars(\.json)?$/.test(name)) return 'tfvars';
  if (/\.(pem|key)$/.test(name) || /^id_(rsa|dsa|ecdsa|ed25519)$/.test(name)) return 'key-file';
  return null;
}
