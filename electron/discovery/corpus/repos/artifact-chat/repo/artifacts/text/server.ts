import { smoothStream, streamText } from 'ai';
import { myProvider } from '@/lib/ai/providers';
import { createDocumentHandler } from '@/lib/artifacts/server';

export const textDocumentHandler = createDocumentHandler<'text'>({
  kind: 'text',
  onCreateDocument: async ({ title, dataStream }) => {
    let draftContent = '';
    const { fullStream } = streamText({
      model: myProvider.languageModel('artifact-model'),
      system: 'Write about the given topic. Markdown is supported. Use headings wherever appropriate.',
      experimental_transform: smoothStream({ chunking: 'word' }),
      prompt: title,
    });
    for await (const delta of fullStream) {
      if (delta.type === 'text-delta') {
        draftContent += delta.text;
        dataStream.write({ type: 'data-textDelta', data: delta.text, transient: true });
      }
    }
    return draftContent;
  },
  onUpdateDocument: async ({ document, description, dataStream }) => {
    let draftContent = '';
    const { fullStream } = streamText({
      model: myProvider.languageModel('artifact-model'),
      system: `Improve the following contents of the document based on the given prompt.\n\n${document.content}`,
      prompt: description,
    });
    for await (const delta of fullStream) {
      if (delta.type === 'text-delta') {
        draftContent += delta.text;
        dataStream.write({ type: 'data-textDelta', data: delta.text, transient: true });
      }
    }
    return draftContent;
  },
});
