import { createTool } from '@mastra/core/tools';
import { z } from 'zod';

export const screenSanctions = createTool({
  id: 'screen-sanctions',
  description: 'Screen a person against the EU, UK and OFAC sanctions lists.',
  inputSchema: z.object({ fullName: z.string(), dateOfBirth: z.string().date(), nationality: z.string().length(2) }),
  outputSchema: z.object({ hits: z.array(z.object({ list: z.string(), score: z.number() })) }),
  execute: async ({ context }) => {
    const response = await fetch('https://sanctions-screening.internal.northwind-pay.example/v2/screen', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.SANCTIONS_API_TOKEN}` },
      body: JSON.stringify(context),
    });
    return response.json();
  },
});
