import type { RegistryRowMatch } from './contract';

const MATCH_NOTES: Record<RegistryRowMatch, string> = {
  id: 'matched by id',
  name: 'matched by name',
  new: 'new agent',
  'foreign-id-name': 'id from another workspace; matched by name',
  'foreign-id-new': 'id from another workspace; new agent',
};

/** How an import row found its agent, in the words the preview (UI and CLI) shows. */
export const describeRowMatch = (match: RegistryRowMatch): string => MATCH_NOTES[match];
