"""Golden-set evaluation of the dispute desk, run from the pre-push hook (never from CI).

Replays recorded Discord messages through the desk and grades each answer with an LLM judge.
"""
import asyncio
import json
import sys
from pathlib import Path

from openai import OpenAI

from discordpay.disputes.desk import answer_dispute_message

judge = OpenAI()


class RecordedMessage:
    def __init__(self, content: str):
        self.content = content
        self.replies: list[str] = []

    async def reply(self, text: str) -> None:
        self.replies.append(text)


def grade(question: str, answer: str) -> float:
    verdict = judge.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": f"Score 0-1 how well this answers the dispute question.\nQ: {question}\nA: {answer}"}],
    )
    return float(verdict.choices[0].message.content.strip())


async def main(golden: Path) -> None:
    scores = []
    for case in json.loads(golden.read_text()):
        message = RecordedMessage(case["question"])
        await answer_dispute_message(message)
        scores.append(grade(case["question"], message.replies[-1]))
    print(f"mean score {sum(scores) / len(scores):.2f}")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
