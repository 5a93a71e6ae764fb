// Scratch run of the desk against a sandbox charge (a test file by name; not deployed).
import { InMemoryRunner } from '@google/adk';
import { rootAgent } from './agent';

const runner = new InMemoryRunner({ agent: rootAgent, appName: 'chargeback_desk' });
const session = await runner.sessionService.createSession({ appName: 'chargeback_desk', userId: 'qa' });
for await (const event of runner.runAsync({ userId: 'qa', sessionId: session.id, newMessage: { role: 'user', parts: [{ text: 'Chargeback on ch_test_9' }] } })) {
  console.log(event);
}
