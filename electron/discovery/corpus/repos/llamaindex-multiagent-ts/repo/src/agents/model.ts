import { openai } from '@llamaindex/openai';

export const llm = openai({ model: 'gpt-4.1-mini', apiKey: process.env.OPENAI_API_KEY });
