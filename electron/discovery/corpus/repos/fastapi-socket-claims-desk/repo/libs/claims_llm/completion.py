from openai import OpenAI

_client = OpenAI()


def complete(prompt: str, model: str = "gpt-4.1-mini") -> str:
    response = _client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])
    return response.choices[0].message.content or ""
