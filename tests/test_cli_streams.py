"""Output streams: the caller's streams are written to and never reconfigured; an ASCII-only
console gets valid JSON and escaped text; a reader that stops early is no error; and no argv,
however hostile, gets a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learning_cities.cli import main
from learning_cities.cli.output import Output
from test_cli import run

ASCII = {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"}


class Recorder(io.StringIO):
    """A text stream that fails the test if anyone tries to reconfigure it."""

    encoding = "utf-8"

    def reconfigure(self, **kwargs: object) -> None:
        raise AssertionError(f"the stream was reconfigured: {kwargs}")


def test_main_never_reconfigures_the_streams() -> None:
    out, err = Recorder(), Recorder()
    assert main(["city", "Khon Kaen"], stdout=out, stderr=err) == 0
    assert "ขอนแก่น" in out.getvalue()
    assert main(["city", "ขอนแก่x"], stdout=out, stderr=err) == 1
    assert "ขอนแก่x" in err.getvalue()


def test_main_uses_sys_stdout_as_it_is_at_the_call(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["cohort", "2024", "--json"]) == 0
    assert json.loads(out.getvalue())["cohort"]["year"] == 2024


def test_ascii_stream_in_process() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    assert main(["city", "Bangkok", "--json"], stdout=stream) == 0
    stream.flush()
    assert json.loads(raw.getvalue().decode("ascii"))["city"]["local_names"] == {"th": "กรุงเทพมหานคร"}
    raw.seek(0)
    raw.truncate()
    assert main(["--lang", "th", "city", "Bangkok"], stdout=stream) == 0
    stream.flush()
    assert raw.getvalue().decode("ascii").startswith("\\u0e01\\u0e23")
    assert stream.errors == "strict"  # not reconfigured


@pytest.mark.parametrize(
    "args",
    [
        ("summary",),
        ("--lang", "th", "members", "--on", "2024-02-14"),
        ("country", "TH"),
        ("membership", "ขอนแก่น", "--country", "ไทย", "--on", "2025-06-01"),
    ],
)
def test_ascii_console_json_of_any_command_is_valid(args: tuple[str, ...]) -> None:
    result = run(*args, "--json", env=ASCII, encoding="ascii")
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert json.loads(result.stdout)


def test_ascii_console_json_is_valid_and_text_does_not_crash() -> None:
    """``LC_ALL=C PYTHONIOENCODING=ascii python -m learning_cities city Bangkok --json``."""
    result = run("city", "Bangkok", "--json", env=ASCII, encoding="ascii")
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert json.loads(result.stdout)["city"]["local_names"]["th"] == "กรุงเทพมหานคร"
    text = run("--lang", "th", "city", "Bangkok", env=ASCII, encoding="ascii")
    assert text.returncode == 0, text.stderr
    assert "Traceback" not in text.stderr
    assert "(th-bangkok)" in text.stdout
    error = run("city", "กรุงเทพx", env=ASCII, encoding="ascii")
    assert error.returncode == 1
    assert "Traceback" not in error.stderr
    assert "\\u0e01" in error.stderr


@pytest.mark.parametrize("args", [("export",), ("export", "--excel"), ("city", "Bangkok"), ("--help",)])
def test_broken_pipe_is_not_an_error(args: tuple[str, ...]) -> None:
    """``learning-cities export | head -1``: the reader has gone; no traceback, status 0."""
    read, write = os.pipe()
    os.close(read)  # the reader stopped before the first write: every write breaks the pipe
    try:
        result = subprocess.run(
            [sys.executable, "-m", "learning_cities", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""


def test_broken_pipe_in_process() -> None:
    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    assert main(["conferences"], stdout=Gone()) == 0


def test_output_wrapper() -> None:
    class Odd(io.StringIO):
        encoding = "no-such-codec"

    odd = Output(Odd())
    assert odd.encoding is None
    assert odd.can_encode("ขอนแก่น")
    plain = Output(io.StringIO())
    plain.write_bytes("ขอนแก่น".encode())
    assert plain.stream.getvalue() == "ขอนแก่น"  # type: ignore[attr-defined]
    plain.discard()  # no file descriptor: left alone
    latin = Output(io.TextIOWrapper(io.BytesIO(), encoding="latin-1"))
    assert latin.encoding == "iso8859-1"
    assert latin.can_encode("Laâyoune")
    assert not latin.can_encode("ขอนแก่น")


# -- hostile argv -------------------------------------------------------------------------

WORDS = [
    "summary", "city", "search", "country", "cohort", "awards", "next-award", "eligibility", "export",
    "members", "membership", "conferences", "--json", "--lang", "th", "en", "--be", "--after", "--on",
    "--award", "--country", "--population", "--limit", "--format", "csv", "json", "geojson", "--excel",
    "--mayor-endorsed", "--no-mayor-endorsed", "--track-record", "--help", "--version", "-h", "--", "-",
    "Bangkok", "ขอนแก่น", "La Paz", "TH", "พ.ศ.", "พ.ศ. 2567", "2567", "2024", "2027", "๒๕๖๗", "0", "-1",
    "2024-02-29", "2567-02-29", "2025-13-01", "9" * 400, "1" + "0" * 5000, "x\u0301" * 300, "\ud800", "\x00",
]  # fmt: skip

hostile_words = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=40),
    st.text(alphabet=st.characters(categories=["Mn", "Lo", "Nd"]), max_size=60),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(lambda d: d.isoformat()),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(hostile_words, max_size=8))
def test_any_argv_exits_0_1_or_2_without_a_traceback(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, stdout=out, stderr=err)
    assert status in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
    if status:
        assert err.getvalue().strip()
    asks_help = any(word.startswith(("-h", "--h", "--v")) for word in argv)
    if status == 0 and "--json" in argv and not asks_help and "--" not in argv:
        json.loads(out.getvalue())


@settings(max_examples=60, deadline=None)
@given(st.lists(hostile_words, max_size=6))
def test_any_argv_on_an_ascii_stream_writes_ascii(argv: list[str]) -> None:
    raw_out, raw_err = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(raw_out, encoding="ascii")
    err = io.TextIOWrapper(raw_err, encoding="ascii")
    status = main(argv, stdout=out, stderr=err)
    out.flush()
    err.flush()
    assert status in (0, 1, 2)
    assert raw_out.getvalue().isascii() or raw_out.getvalue().startswith(b"\xef\xbb\xbf")  # --excel: UTF-8 BOM
    assert raw_err.getvalue().isascii()
