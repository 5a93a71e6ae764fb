"""Dispatch assistant: plans deliveries with the weather server's tools."""
import asyncio

from agents import Agent, Runner
from agents.mcp import MCPServerStdio


async def main() -> None:
    async with MCPServerStdio(params={"command": "python", "args": ["-m", "weather_server"]}) as weather:
        planner = Agent(name="Dispatch planner", instructions="Plan tomorrow's delivery windows around the weather.", mcp_servers=[weather], model="gpt-4.1")
        result = await Runner.run(planner, "Plan the Rotterdam and Hamburg routes for tomorrow.")
        print(result.final_output)


asyncio.run(main())
