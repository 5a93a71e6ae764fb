"use client";

import type { Message } from "@langchain/langgraph-sdk";
import { useStream } from "@langchain/langgraph-sdk/react";
import { createContext, type ReactNode, useContext } from "react";

type ChatState = { messages: Message[] };
type StreamContextType = ReturnType<typeof useStream<ChatState>>;

const StreamContext = createContext<StreamContextType | undefined>(undefined);

export function StreamProvider({ children }: { children: ReactNode }) {
  const stream = useStream<ChatState>({
    apiUrl: process.env.NEXT_PUBLIC_API_URL ?? "http://localhost:2024",
    assistantId: "payout_helper",
    messagesKey: "messages",
  });
  return <StreamContext.Provider value={stream}>{children}</StreamContext.Provider>;
}

export function useStreamContext(): StreamContextType {
  const context = useContext(StreamContext);
  if (!context) throw new Error("useStreamContext must be used within a StreamProvider");
  return context;
}
