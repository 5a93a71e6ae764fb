import asyncio

from agents import Agent, Runner
from agents.mcp import MCPServerStdio


def test_agent_reads_balance(judge):
    async def run() -> str:
        async with MCPServerStdio(params={"command": "python", "args": ["servers/ledger_server.py"]}) as ledger:
            agent = Agent(name="Probe", instructions="Answer with the balance.", mcp_servers=[ledger])
            return (await Runner.run(agent, "Balance of acct_1?")).final_output

    assert judge(asyncio.run(run()))


if __name__ == "__main__":
    test_agent_reads_balance(lambda answer: True)
