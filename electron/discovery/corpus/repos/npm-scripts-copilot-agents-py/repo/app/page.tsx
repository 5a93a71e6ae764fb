'use client';

import { CopilotKit } from '@copilotkit/react-core';
import { CopilotSidebar } from '@copilotkit/react-ui';

export default function Home() {
  return (
    <CopilotKit runtimeUrl="/api/copilotkit" agent="invoice_agent">
      <CopilotSidebar defaultOpen labels={{ title: 'Invoice copilot' }} />
    </CopilotKit>
  );
}
