"""Shared model helpers, published to the internal index for the other claims services."""

from .completion import complete

__version__ = "0.3.1"
__all__ = ["complete"]
