import { onCallGenkit } from 'firebase-functions/https'
import { geminiKey } from './genkit'
import { refundDecisionFlow } from './flows/refundDecision'
import { summariseDisputeFlow } from './flows/summariseDispute'
// import { fxRate } from './tools/fx-rates'

const opts = { secrets: [geminiKey], region: 'europe-west1', enforceAppCheck: true }

export const refundDecision = onCallGenkit(opts, refundDecisionFlow)

export const summariseDispute = onCallGenkit(opts, summariseDisputeFlow)
