"""Loads the merchant policy PDFs into the knowledge base, then checks an answer against them."""
import asyncio

from agno.agent import Agent
from agno.knowledge.knowledge import Knowledge
from agno.models.openai import OpenAIChat
from agno.vectordb.lancedb import LanceDb

knowledge = Knowledge(vector_db=LanceDb(table_name="merchant_policies", uri="/srv/lancedb"))


async def main() -> None:
    await knowledge.add_content_async(path="/srv/policies/")
    agent = Agent(model=OpenAIChat(id="gpt-4.1-mini"), knowledge=knowledge, search_knowledge=True)
    await agent.aprint_response("What is the payout hold period for new merchants?")


if __name__ == "__main__":
    asyncio.run(main())
