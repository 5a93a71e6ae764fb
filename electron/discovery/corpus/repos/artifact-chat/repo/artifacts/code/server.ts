import { z } from 'zod';
import { streamObject } from 'ai';
import { myProvider } from '@/lib/ai/providers';
import { createDocumentHandler } from '@/lib/artifacts/server';

const codePrompt = 'You are a Python code generator that creates self-contained, executable code snippets.';

export const codeDocumentHandler = createDocumentHandler<'code'>({
  kind: 'code',
  onCreateDocument: async ({ title, dataStream }) => {
    let draftContent = '';
    const { fullStream } = streamObject({
      model: myProvider.languageModel('artifact-model'),
      system: codePrompt,
      prompt: title,
      schema: z.object({ code: z.string() }),
    });
    for await (const delta of fullStream) {
      if (delta.type === 'object' && delta.object.code) {
        dataStream.write({ type: 'data-codeDelta', data: delta.object.code, transient: true });
        draftContent = delta.object.code;
      }
    }
    return draftContent;
  },
  onUpdateDocument: async ({ document, description, dataStream }) => {
    let draftContent = '';
    const { fullStream } = streamObject({
      model: myProvider.languageModel('artifact-model'),
      system: `Improve the following code snippet based on the given prompt.\n\n${document.content}`,
      prompt: description,
      schema: z.object({ code: z.string() }),
    });
    for await (const delta of fullStream) {
      if (delta.type === 'object' && delta.object.code) {
        dataStream.write({ type: 'data-codeDelta', data: delta.object.code, transient: true });
        draftContent = delta.object.code;
      }
    }
    return draftContent;
  },
});
