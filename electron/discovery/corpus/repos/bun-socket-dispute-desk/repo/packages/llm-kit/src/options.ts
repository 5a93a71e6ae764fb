export interface SummaryOptions {
  model: string;
  maxTokens: number;
}
