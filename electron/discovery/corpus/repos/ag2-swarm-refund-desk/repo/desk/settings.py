"""Model settings shared by the desk's agents."""
import os

from autogen import LLMConfig

LLM_CONFIG = LLMConfig(api_type="anthropic", model="claude-sonnet-4-5", api_key=os.environ["ANTHROPIC_API_KEY"], temperature=0.2)
