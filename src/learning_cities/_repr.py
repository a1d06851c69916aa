"""Short, safe text for any value, for error messages.

>>> shown(10**5000)
'<int of about 5001 digits>'
>>> shown("x" * 100)
"'xxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxx' (100 characters)"
>>> shown([[[[[1]]]]])
'[[[[...]]]]'
"""

from __future__ import annotations

import reprlib

__all__ = ["shown"]


class _ShortRepr(reprlib.Repr):
    """``reprlib`` that never recurses far and never converts a huge int to text."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxstring = limit
        self.maxother = limit
        self.maxlong = limit

    def repr_int(self, value: int, level: int) -> str:
        bits = abs(value).bit_length()
        if bits <= 256:
            return super().repr_int(value, level)
        sign = "negative " if value < 0 else ""
        if bits < 13_000:  # below the interpreter's int-to-str limit
            return f"<{sign}int of {len(str(abs(value)))} digits>"
        return f"<{sign}int of about {int(bits * 0.30103) + 1} digits>"

    def repr_instance(self, value: object, level: int) -> str:
        try:
            text = repr(value)
        except Exception:  # a repr that fails must not hide the error being reported
            return f"<{type(value).__name__} object>"
        return text if len(text) <= self.maxother else text[: self.maxother - 3] + "..."


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to about ``limit`` characters: bounded in size and time, never raising."""
    if isinstance(value, str) and len(value) > limit:
        text = _ShortRepr(limit).repr(value)
        return f"{text} ({len(value):,} characters)"
    try:
        text = _ShortRepr(limit).repr(value)
    except Exception:
        return f"<{type(value).__name__} object>"
    return text if len(text) <= limit + 10 else text[:limit] + "..."
