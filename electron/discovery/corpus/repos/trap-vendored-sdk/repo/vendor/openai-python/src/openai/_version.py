# File generated from our OpenAI spec by Stainless.

__title__ = "openai"
__version__ = "1.3.5"
