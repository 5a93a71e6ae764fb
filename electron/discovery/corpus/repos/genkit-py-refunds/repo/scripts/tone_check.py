"""Checks the tone of a canned reply before it goes into the macro library (run by hand)."""

import asyncio
import sys

from genkit.ai import Genkit
from genkit.plugins.google_genai import GoogleAI

ai = Genkit(plugins=[GoogleAI()], model='googleai/gemini-2.0-flash')


async def main(path: str) -> None:
    with open(path, encoding='utf-8') as handle:
        reply = handle.read()
    response = await ai.generate(prompt=f'Is this customer reply polite and clear? Answer yes or no, then why.\n\n{reply}')
    print(response.text)


if __name__ == '__main__':
    asyncio.run(main(sys.argv[1]))
