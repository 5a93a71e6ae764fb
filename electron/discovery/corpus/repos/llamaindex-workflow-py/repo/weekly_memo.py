"""Weekly merchant risk memo: research news on flagged merchants, write the memo, review it."""
import asyncio

from review.agents import memo_workflow


async def main() -> None:
    handler = memo_workflow.run(user_msg="Write this week's risk memo for the merchants on the watchlist.")
    print(await handler)


if __name__ == "__main__":
    asyncio.run(main())
