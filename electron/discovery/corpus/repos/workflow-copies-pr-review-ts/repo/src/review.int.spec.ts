import OpenAI from 'openai';

const openai = new OpenAI();
const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: 'function', function: { name: 'post_review_comment', parameters: { type: 'object' } } }];
const completion = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Comment on line 1 of a.ts' }], tools });
console.log(completion.choices[0]?.message.tool_calls?.length);
