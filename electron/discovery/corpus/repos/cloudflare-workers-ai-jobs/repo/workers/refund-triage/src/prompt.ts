export interface RefundRequest {
  id: string;
  amountMinor: number;
  currency: string;
  customerNote: string;
}

export const riskPrompt = `You rate refund requests for Northwind Pay.
Answer with JSON {"risk": "low" | "medium" | "high"}. High: first-party fraud signals, repeated claims, amounts over 1000 GBP.`;
