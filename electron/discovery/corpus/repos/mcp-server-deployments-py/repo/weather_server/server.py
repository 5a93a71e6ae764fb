import os

import httpx
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("weather", host="0.0.0.0", port=8000)


@mcp.tool()
async def forecast(city: str, days: int = 3) -> str:
    """Forecast for a city, for delivery planning."""
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.get("https://api.weatherprovider.example/v2/forecast", params={"q": city, "days": days, "key": os.environ["WEATHER_API_KEY"]})
        response.raise_for_status()
        return response.text


def main() -> None:
    mcp.run(transport="streamable-http")
