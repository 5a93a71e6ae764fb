import type { ImportDetector } from '../imports/import-reader';
import { USAGE_FORMAT_SPECS } from './formats';

/** LLM usage exports, recognised from the first 64 KB by each format's own test; the files are streamed, never loaded whole. */
export const usageDetector: ImportDetector = {
  describes: 'LLM usage (OpenAI usage or costs JSON, OpenAI usage CSV, Anthropic usage or cost report, LiteLLM spend logs CSV/JSON, OpenTelemetry GenAI traces)',
  streamed: true,
  detect(source) {
    const head = source.headText;
    return USAGE_FORMAT_SPECS.find((spec) => spec.detect(head))?.format ?? null;
  },
};
