import { customProvider } from 'ai';
import { openai } from '@ai-sdk/openai';

export const myProvider = customProvider({
  languageModels: {
    'chat-model': openai('gpt-4.1'),
    'title-model': openai('gpt-4.1-nano'),
    'artifact-model': openai('gpt-4.1-mini'),
  },
});
