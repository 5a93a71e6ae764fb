import { type UIMessageStreamWriter, tool } from 'ai';
import { z } from 'zod';
import { getDocumentById } from '@/lib/db/queries';
import { documentHandlersByArtifactKind } from '@/lib/artifacts/server';

export const updateDocument = ({ session, dataStream }: { session: { user: { id: string } }; dataStream: UIMessageStreamWriter }) =>
  tool({
    description: 'Update a document with the given description.',
    inputSchema: z.object({ id: z.string(), description: z.string() }),
    execute: async ({ id, description }) => {
      const document = await getDocumentById({ id });
      if (!document) return { error: 'Document not found' };
      const documentHandler = documentHandlersByArtifactKind.find((handler) => handler.kind === document.kind);
      if (!documentHandler) throw new Error(`No document handler found for kind: ${document.kind}`);
      await documentHandler.onUpdateDocument({ document, description, dataStream, session });
      return { id, title: document.title, kind: document.kind, content: 'The document has been updated successfully.' };
    },
  });
