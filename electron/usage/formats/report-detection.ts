/**
 * Cheap tests on the first 64 KB of a file, shared by the provider report formats. Each format
 * looks for its own field names; these keep the gateway and telemetry formats, whose rows can
 * quote provider usage fields inside their metadata, from ever reading as a provider report.
 */

/** LiteLLM spend logs (request_id, spend, startTime) and OTLP traces (resourceSpans). */
const GATEWAY_OR_TELEMETRY = /"(?:resourceSpans|request_id|spend|startTime)"\s*:/;

export function isGatewayOrTelemetry(head: string): boolean {
  return GATEWAY_OR_TELEMETRY.test(head);
}

/** The first non-blank character is where JSON starts: a page or a list of pages. */
export function startsLikeJson(head: string): boolean {
  return /^\uFEFF?\s*[[{]/.test(head);
}
