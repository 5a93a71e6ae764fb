'use client';

import type { UIMessage, ChatStatus } from 'ai';
import type { ArtifactKind } from '@/lib/artifacts/server';

export function Artifact({ messages, status }: { messages: UIMessage[]; status: ChatStatus }) {
  const kind: ArtifactKind | undefined = undefined;
  return <aside data-status={status} data-kind={kind}>{messages.length} messages</aside>;
}
