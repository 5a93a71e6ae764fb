import { describe, expect, it } from 'vitest';
import { analyzed } from './test-helpers';

describe('provider URLs kept as module constants (agent-platform tools/config.py)', () => {
  it('a settings module records its provider URL constants without the query; other hosts are left out', async () => {
    const config = await analyzed(
      'tools/config.py',
      'import os\nGEMINI_MODEL = os.getenv("GEMINI_MODEL", "gemini-2.0-flash")\nGEMINI_API_URL = f"https://generativelanguage.googleapis.com/v1beta/models/{GEMINI_MODEL}:generateContent"\nOPENAI_API_URL = "https://api.openai.com/v1/chat/completions?api-version=1"\nCOLLECTOR_URL = "https://metrics.northwind-pay.example/v1/runs"\n\ndef url():\n    LOCAL_URL = "https://api.openai.com/v1/embeddings"\n    return LOCAL_URL\n',
    );
    expect(config.providerUrls).toEqual({
      GEMINI_API_URL: { provider: 'google', url: 'https://generativelanguage.googleapis.com/v1beta/models/{}:generateContent' },
      OPENAI_API_URL: { provider: 'openai', url: 'https://api.openai.com/v1/chat/completions' },
    });
  });

  it('a raw requests.post to an imported constant is recorded for the linker, a literal provider URL is a model call at once', async () => {
    const caller = await analyzed(
      'tools/ai_analyze.py',
      'import requests\nfrom tools.config import OPENAI_API_URL\n\ndef call(payload):\n    return requests.post(OPENAI_API_URL, json=payload, timeout=30)\n\ndef direct(payload):\n    return requests.post("https://api.anthropic.com/v1/messages", json=payload)\n',
    );
    expect(caller.importedUrlCalls?.map((call) => `${call.constant} ${call.sdk} ${call.evidence.line}`)).toEqual(['tools.config.OPENAI_API_URL requests.post 5']);
    expect(caller.llm.map((use) => use.provider)).toEqual(['anthropic']);
  });
});
