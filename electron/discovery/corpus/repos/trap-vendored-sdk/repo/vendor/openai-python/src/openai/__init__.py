# File generated from our OpenAI spec by Stainless.

from __future__ import annotations

from ._client import AsyncOpenAI, OpenAI
from ._version import __title__, __version__

__all__ = ["OpenAI", "AsyncOpenAI", "__title__", "__version__"]
