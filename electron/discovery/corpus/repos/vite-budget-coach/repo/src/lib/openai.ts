import { setDefaultOpenAIKey } from '@openai/agents';

// Demo build: the key is baked into the bundle. Everyone who opens the page can read it.
setDefaultOpenAIKey(import.meta.env.VITE_OPENAI_API_KEY);
