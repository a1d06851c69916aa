"""Writing to a stream whatever it can encode, without reconfiguring it.

The command writes through an :class:`Output` around the stream it was given. Text the
stream's encoding cannot hold is written with backslash escapes (a Thai letter as its code
point) instead of failing; JSON is written with ``ensure_ascii`` in that case, so it stays
valid JSON. The stream itself (often the caller's ``sys.stdout``) is never reconfigured.

>>> import io
>>> raw = io.BytesIO()
>>> out = Output(io.TextIOWrapper(raw, encoding="ascii"))
>>> out.line("Khon Kaen: ขอนแก่น")
>>> out.flush()
>>> raw.getvalue().decode("ascii").startswith("Khon Kaen: ") and raw.getvalue().count(b"u0e") == 7
True
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
from typing import IO, Any

__all__ = ["Output"]


class Output:
    """A text stream's writer that never fails on a character the stream cannot encode."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        encoding = getattr(stream, "encoding", None)
        if isinstance(encoding, str):
            try:
                encoding = codecs.lookup(encoding).name
            except LookupError:
                encoding = None
        else:
            encoding = None
        #: The stream's encoding; ``None`` where it takes any text (e.g. :class:`io.StringIO`).
        self.encoding: str | None = encoding

    def can_encode(self, text: str) -> bool:
        """Whether the stream can write ``text`` as it is.

        >>> import io
        >>> Output(io.StringIO()).can_encode("ขอนแก่น")
        True
        """
        if self.encoding is None:
            return True
        try:
            text.encode(self.encoding)
        except UnicodeError:
            return False
        return True

    def write(self, text: str) -> None:
        """Write ``text``, with backslash escapes for what the stream cannot encode."""
        if not self.can_encode(text):
            assert self.encoding is not None
            text = text.encode(self.encoding, "backslashreplace").decode(self.encoding)
        self.stream.write(text)

    def line(self, text: str = "") -> None:
        """Write ``text`` and a newline."""
        self.write(text + "\n")

    def json(self, data: Any) -> None:
        """Write ``data`` as indented JSON, ASCII-escaped where the stream needs it.

        >>> import io, json
        >>> stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
        >>> Output(stream).json({"th": "ขอนแก่น"})
        >>> _ = stream.seek(0)
        >>> json.load(stream)
        {'th': 'ขอนแก่น'}
        """
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if not self.can_encode(text):
            text = json.dumps(data, ensure_ascii=True, indent=2)
        self.write(text + "\n")

    def write_bytes(self, data: bytes) -> None:
        """Write ``data`` unchanged to the stream's binary buffer (decoded as UTF-8 where it has none)."""
        buffer = getattr(self.stream, "buffer", None)
        if buffer is None:
            self.stream.write(data.decode("utf-8"))
            return
        self.stream.flush()
        buffer.write(data)
        buffer.flush()

    def flush(self) -> None:
        """Flush the stream."""
        self.stream.flush()

    def discard(self) -> None:
        """After a broken pipe: point the stream's file descriptor at the null device.

        What the stream still buffers can then be flushed at exit without another
        ``BrokenPipeError``. A stream without a file descriptor is left alone.
        """
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            descriptor = self.stream.fileno()
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, descriptor)
            finally:
                os.close(null)
