import { parse as parseToml, TomlError } from 'smol-toml';
import { ConfigSyntaxError } from './context';
import type { ConfigSource } from './source';
import type { Json } from './values';

/** A TOML config's value; a syntax error is the file's warning, with its line. */
export function parseTomlValue(src: ConfigSource): Json {
  try {
    return parseToml(src.text) as Json;
  } catch (error) {
    if (error instanceof TomlError) throw new ConfigSyntaxError(`not valid TOML: ${error.message.split('\n')[0]}`, error.line);
    throw error;
  }
}
