import { anthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';
import { caseHistory, saveNote } from '../cases';

export const summaryHandler = {
  kind: 'summary',
  async run({ caseId }: { caseId: string }) {
    const history = await caseHistory(caseId);
    const { text } = await generateText({
      model: anthropic('claude-3-5-haiku-20241022'),
      system: 'Summarise this support case in five bullet points.',
      prompt: history,
    });
    await saveNote(caseId, text);
    return text;
  },
};
