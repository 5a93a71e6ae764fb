import { z } from 'zod';
import { streamObject } from 'ai';
import { myProvider } from '@/lib/ai/providers';
import { createDocumentHandler } from '@/lib/artifacts/server';

export const sheetDocumentHandler = createDocumentHandler<'sheet'>({
  kind: 'sheet',
  onCreateDocument: async ({ title, dataStream }) => {
    let draftContent = '';
    const { fullStream } = streamObject({
      model: myProvider.languageModel('artifact-model'),
      system: 'You are a spreadsheet creation assistant. Create a spreadsheet in csv format based on the given prompt.',
      prompt: title,
      schema: z.object({ csv: z.string().describe('CSV data') }),
    });
    for await (const delta of fullStream) {
      if (delta.type === 'object' && delta.object.csv) {
        dataStream.write({ type: 'data-sheetDelta', data: delta.object.csv, transient: true });
        draftContent = delta.object.csv;
      }
    }
    return draftContent;
  },
  onUpdateDocument: async ({ document, description, dataStream }) => {
    const { object } = await streamObject({
      model: myProvider.languageModel('artifact-model'),
      system: `Improve the following spreadsheet based on the given prompt.\n\n${document.content}`,
      prompt: description,
      schema: z.object({ csv: z.string() }),
    });
    const final = await object;
    dataStream.write({ type: 'data-sheetDelta', data: final.csv, transient: true });
    return final.csv;
  },
});
