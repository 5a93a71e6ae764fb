import type { LlmUse } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';

/**
 * A LangGraph StateGraph (or any graph or workflow runner) is an agent only when its steps call
 * a model. A unit whose code builds such a graph but calls no model and uses no agent framework
 * (an ETL pipeline written as a graph) is not a candidate at all: the framework import alone
 * said nothing about an LLM.
 */
export function isModelFreeGraph(files: readonly CodeFindings[], llm: readonly LlmUse[]): boolean {
  if (llm.length > 0 || !files.some((file) => file.modelFreeGraph)) return false;
  return !files.some((file) => file.agentic && !file.modelFreeGraph);
}
