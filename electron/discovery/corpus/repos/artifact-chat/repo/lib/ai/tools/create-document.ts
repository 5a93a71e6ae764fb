import { generateUUID } from '@/lib/utils';
import { type UIMessageStreamWriter, tool } from 'ai';
import { z } from 'zod';
import { artifactKinds, documentHandlersByArtifactKind } from '@/lib/artifacts/server';

interface CreateDocumentProps {
  session: { user: { id: string } };
  dataStream: UIMessageStreamWriter;
}

export const createDocument = ({ session, dataStream }: CreateDocumentProps) =>
  tool({
    description: 'Create a document for writing or content creation activities. The content is generated from the title and kind.',
    inputSchema: z.object({ title: z.string(), kind: z.enum(artifactKinds) }),
    execute: async ({ title, kind }) => {
      const id = generateUUID();
      dataStream.write({ type: 'data-kind', data: kind, transient: true });
      const documentHandler = documentHandlersByArtifactKind.find((handler) => handler.kind === kind);
      if (!documentHandler) throw new Error(`No document handler found for kind: ${kind}`);
      await documentHandler.onCreateDocument({ id, title, dataStream, session });
      dataStream.write({ type: 'data-finish', data: null, transient: true });
      return { id, title, kind, content: 'A document was created and is now visible to the user.' };
    },
  });
