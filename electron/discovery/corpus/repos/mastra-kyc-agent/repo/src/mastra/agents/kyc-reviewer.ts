import { anthropic } from '@ai-sdk/anthropic';
import { Agent } from '@mastra/core/agent';
import { requestDocuments } from '../tools/request-documents';
import { setRiskTier } from '../tools/risk-tier';
import { screenSanctions } from '../tools/screen-sanctions';

export const kycReviewer = new Agent({
  name: 'KYC reviewer',
  instructions: `You review new merchant applications for Northwind Pay.
Screen every director. If a document is missing, request it and stop.
Set the risk tier only when screening is complete; use "refer" for any sanctions hit.`,
  model: anthropic('claude-3-5-sonnet-20241022'),
  tools: { screenSanctions, requestDocuments, setRiskTier },
});
