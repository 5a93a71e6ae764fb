import { z } from 'zod';
import type { ManifestDiff } from '../manifest';
import { method } from './method';

/** The agents manifest (access as code): written from the workspace, diffed against it; importing goes through the import pipeline. */
export const manifestContract = {
  /** What differs between a manifest's text and the workspace, per agent; nothing is written. */
  diffManifest: method<ManifestDiff>()(
    z.object({
      text: z.string().max(256 * 1024 * 1024, 'a manifest is at most 256 MB'),
      /** Named in any refusal, so the person knows which file to fix. */
      fileName: z.string().trim().min(1).max(1024).default('manifest.yaml'),
    }),
  ),
} as const;
