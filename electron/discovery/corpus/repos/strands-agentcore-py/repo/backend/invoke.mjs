// Lambda behind the merchant dashboard: starts a run of the AgentCore runtime (the model runs there, not here).
import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';

const client = new BedrockAgentCoreClient({ region: process.env.AWS_REGION });

export const handler = async (event) => {
  const { prompt, sessionId } = JSON.parse(event.body ?? '{}');
  const response = await client.send(
    new InvokeAgentRuntimeCommand({
      agentRuntimeArn: process.env.AGENT_RUNTIME_ARN,
      runtimeSessionId: sessionId,
      payload: new TextEncoder().encode(JSON.stringify({ prompt })),
    }),
  );
  return { statusCode: 200, body: await response.response.transformToString() };
};
