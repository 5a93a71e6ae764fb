import { Agent, setDefaultOpenAIKey } from '@openai/agents';

setDefaultOpenAIKey(import.meta.env.VITE_OPENAI_API_KEY);

const translator = new Agent({
  name: 'Translator',
  instructions: 'Translate the answer into the language the customer wrote in.',
  model: 'gpt-4.1-nano',
});

export const helpDesk = new Agent({
  name: 'Help Desk',
  instructions: 'Answer questions about Northwind Pay features from the FAQ. Hand off to the translator when the customer does not write in English.',
  model: 'gpt-4.1-mini',
  handoffs: [translator],
});
