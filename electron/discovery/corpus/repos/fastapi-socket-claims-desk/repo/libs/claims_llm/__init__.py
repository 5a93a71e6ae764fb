"""Shared model helpers, published to the internal index for the other claims services."""

from .completion import complete

__all__ = ["complete"]
