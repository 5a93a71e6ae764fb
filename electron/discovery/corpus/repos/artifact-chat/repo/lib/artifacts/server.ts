import type { UIMessageStreamWriter } from 'ai';
import { codeDocumentHandler } from '@/artifacts/code/server';
import { sheetDocumentHandler } from '@/artifacts/sheet/server';
import { textDocumentHandler } from '@/artifacts/text/server';
import { saveDocument } from '@/lib/db/queries';

export const artifactKinds = ['text', 'code', 'sheet'] as const;
export type ArtifactKind = (typeof artifactKinds)[number];

export interface CreateDocumentCallbackProps {
  id: string;
  title: string;
  dataStream: UIMessageStreamWriter;
  session: { user: { id: string } };
}

export interface UpdateDocumentCallbackProps {
  document: { id: string; title: string; content: string | null; kind: ArtifactKind };
  description: string;
  dataStream: UIMessageStreamWriter;
  session: { user: { id: string } };
}

export interface DocumentHandler<T = ArtifactKind> {
  kind: T;
  onCreateDocument: (args: CreateDocumentCallbackProps) => Promise<void>;
  onUpdateDocument: (args: UpdateDocumentCallbackProps) => Promise<void>;
}

export function createDocumentHandler<T extends ArtifactKind>(config: {
  kind: T;
  onCreateDocument: (params: CreateDocumentCallbackProps) => Promise<string>;
  onUpdateDocument: (params: UpdateDocumentCallbackProps) => Promise<string>;
}): DocumentHandler<T> {
  return {
    kind: config.kind,
    onCreateDocument: async (args) => {
      const draftContent = await config.onCreateDocument(args);
      await saveDocument({ id: args.id, title: args.title, content: draftContent, kind: config.kind, userId: args.session.user.id });
    },
    onUpdateDocument: async (args) => {
      const draftContent = await config.onUpdateDocument(args);
      await saveDocument({ id: args.document.id, title: args.document.title, content: draftContent, kind: config.kind, userId: args.session.user.id });
    },
  };
}

/*
 * Use this array to define the document handlers for each artifact kind.
 */
export const documentHandlersByArtifactKind: Array<DocumentHandler> = [textDocumentHandler, codeDocumentHandler, sheetDocumentHandler];
