"""The snippet the README's quick start shows."""
from openai import OpenAI

client = OpenAI()

if __name__ == "__main__":
    print(client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": "Hello"}]).choices[0].message.content)
