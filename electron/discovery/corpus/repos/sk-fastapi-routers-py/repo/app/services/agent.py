"""The merchant assistant: a Semantic Kernel ChatCompletionAgent with a ledger plugin."""
import psycopg
from semantic_kernel.agents import ChatCompletionAgent
from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion
from semantic_kernel.functions import kernel_function


class LedgerPlugin:
    @kernel_function(description="Available balance of a merchant, in cents.")
    def balance(self, merchant_id: str) -> int:
        with psycopg.connect() as conn:
            row = conn.execute("SELECT available_cents FROM balances WHERE merchant_id = %s", (merchant_id,)).fetchone()
        return row[0] if row else 0


agent = ChatCompletionAgent(
    service=OpenAIChatCompletion(ai_model_id="gpt-4.1-mini"),
    name="MerchantAssistant",
    instructions="Answer merchants' balance questions using the ledger plugin.",
    plugins=[LedgerPlugin()],
)


async def ask_agent(merchant_id: str, text: str) -> str:
    response = await agent.get_response(messages=f"Merchant {merchant_id}: {text}")
    return str(response.content)
