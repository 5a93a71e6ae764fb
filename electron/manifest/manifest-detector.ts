import { MANIFEST_KIND } from '../../shared/manifest';
import type { ImportDetector } from '../imports/import-reader';

/** A manifest says what it is in its first lines; any apiVersion of ours is detected, so a wrong version is refused by name, not as "unknown format". */
const HEADER_LINE = new RegExp(`^(apiVersion:\\s*["']?agent-triage/|kind:\\s*["']?${MANIFEST_KIND}\\b)`, 'm');

/** The agents manifest: YAML with our apiVersion/kind header, recognised without loading the YAML parser. */
export const manifestDetector: ImportDetector = {
  describes: `an agents manifest (YAML with apiVersion: agent-triage/v1, kind: ${MANIFEST_KIND})`,
  detect(source) {
    if (source.looksLikeJson) return null;
    return HEADER_LINE.test(source.headText.slice(0, 8192)) ? 'agent-manifest' : null;
  },
};
