from functools import lru_cache

from pydantic import SecretStr
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    DISCORD_BOT_TOKEN: SecretStr
    OPENAI_API_KEY: SecretStr
    STRIPE_SECRET_KEY: SecretStr
    OPENAI_MODEL: str = "gpt-4o-mini"
    CLIENT_USER_ID: int | None = None


@lru_cache
def get_settings() -> Settings:
    return Settings()
