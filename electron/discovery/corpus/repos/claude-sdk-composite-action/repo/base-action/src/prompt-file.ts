import { readFile, stat } from 'node:fs/promises';

export async function readPromptFile(path: string): Promise<string> {
  if (!path) throw new Error('INPUT_PROMPT_FILE is not set');
  const info = await stat(path);
  if (info.size === 0) throw new Error(`prompt file ${path} is empty`);
  return readFile(path, 'utf8');
}
