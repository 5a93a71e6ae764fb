import { useCallback, useRef } from 'react';
import { RealtimeSession, RealtimeAgent, OpenAIRealtimeWebRTC } from '@openai/agents/realtime';

export interface ConnectOptions {
  getEphemeralKey: () => Promise<string | null>;
  initialAgents: RealtimeAgent[];
  audioElement?: HTMLAudioElement;
}

export function useRealtimeSession(callbacks: { onConnectionChange?: (status: string) => void } = {}) {
  const sessionRef = useRef<RealtimeSession | null>(null);

  const connect = useCallback(async ({ getEphemeralKey, initialAgents, audioElement }: ConnectOptions) => {
    if (sessionRef.current) return;
    const ek = await getEphemeralKey();
    if (!ek) return;
    const rootAgent = initialAgents[0];
    sessionRef.current = new RealtimeSession(rootAgent, {
      transport: new OpenAIRealtimeWebRTC({ audioElement }),
      model: 'gpt-4o-realtime-preview-2025-06-03',
      config: { inputAudioTranscription: { model: 'gpt-4o-mini-transcribe' } },
    });
    await sessionRef.current.connect({ apiKey: ek });
    callbacks.onConnectionChange?.('CONNECTED');
  }, [callbacks]);

  const disconnect = useCallback(() => {
    sessionRef.current?.close();
    sessionRef.current = null;
    callbacks.onConnectionChange?.('DISCONNECTED');
  }, [callbacks]);

  const sendUserText = useCallback((text: string) => {
    sessionRef.current?.sendMessage(text);
  }, []);

  return { connect, disconnect, sendUserText } as const;
}
