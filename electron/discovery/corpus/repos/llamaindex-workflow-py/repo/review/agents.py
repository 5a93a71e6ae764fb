from pathlib import Path

import httpx
from llama_index.core.agent.workflow import AgentWorkflow, FunctionAgent, ReActAgent
from llama_index.llms.openai import OpenAI

llm = OpenAI(model="gpt-4.1")
MEMO_DIR = Path("/srv/risk-memo/out")


async def fetch_page(url: str) -> str:
    """Fetch a news page about a merchant."""
    async with httpx.AsyncClient(timeout=20) as client:
        return (await client.get(url)).text


def save_memo(title: str, body: str) -> str:
    """Save the memo for the risk team."""
    (MEMO_DIR / f"{title}.md").write_text(body, encoding="utf-8")
    return "saved"


research_agent = FunctionAgent(
    name="ResearchAgent",
    description="Finds recent news about watchlist merchants.",
    system_prompt="Fetch the pages you need, then hand over to WriteAgent.",
    llm=llm,
    tools=[fetch_page],
    can_handoff_to=["WriteAgent"],
)

write_agent = FunctionAgent(
    name="WriteAgent",
    description="Writes the weekly memo.",
    system_prompt="Write the memo from the research notes and save it, then hand over to ReviewAgent.",
    llm=llm,
    tools=[save_memo],
    can_handoff_to=["ReviewAgent"],
)

review_agent = ReActAgent(
    name="ReviewAgent",
    description="Reviews the memo for unsupported claims.",
    system_prompt="Point out any claim without a source.",
    llm=llm,
    tools=[],
)

memo_workflow = AgentWorkflow(agents=[research_agent, write_agent, review_agent], root_agent=research_agent.name)
