// Summarises yesterday's merged pull requests for the morning stand-up.
import OpenAI from 'openai';

const openai = new OpenAI();
const response = await fetch(`https://api.github.com/repos/${process.env.GITHUB_REPOSITORY}/pulls?state=closed&per_page=50`, {
  headers: { authorization: `Bearer ${process.env.GITHUB_TOKEN}` },
});
const pulls = (await response.json()) as Array<{ title: string; merged_at: string | null }>;
const merged = pulls.filter((p) => p.merged_at).map((p) => `- ${p.title}`).join('\n');
const completion = await openai.chat.completions.create({
  model: 'gpt-4.1-mini',
  messages: [{ role: 'user', content: `Write a five-line digest of these merged pull requests:\n${merged}` }],
});
console.log(completion.choices[0]?.message.content ?? '');
