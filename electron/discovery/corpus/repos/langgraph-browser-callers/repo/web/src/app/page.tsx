"use client";

import { Thread } from "@/components/thread";
import { StreamProvider } from "@/providers/Stream";

export default function ChatPage(): React.ReactNode {
  return (
    <StreamProvider>
      <Thread />
    </StreamProvider>
  );
}
