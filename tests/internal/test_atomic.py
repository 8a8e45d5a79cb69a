"""The one writer: atomic replacement, file modes, file objects, failures that leave no trace."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import textwrap

import pytest

from footviz._internal.atomic import replacing, temp_path, write_bytes, write_with
from footviz.errors import FootvizError, OutputError, OutputTargetError

OLD = b"the file that was there before\n"


@pytest.fixture
def umask():
    """Set the process umask for one test (restored after)."""
    saved = os.umask(0o022)
    os.umask(saved)
    yield lambda mask: os.umask(mask)
    os.umask(saved)


def test_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(OLD)
    assert write_bytes(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.bin"]


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_new_file_gets_the_mode_open_gives(tmp_path, umask, mask):
    umask(mask)
    plain = tmp_path / "plain"
    with open(plain, "wb"):
        pass
    ours = tmp_path / "ours"
    write_bytes(ours, b"x")
    assert ours.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777 == 0o666 & ~mask


def test_replaced_file_keeps_its_mode_as_open_would(tmp_path, umask):
    umask(0o077)
    target = tmp_path / "shared.png"
    target.write_bytes(OLD)
    target.chmod(0o644)
    write_bytes(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_symlink_is_followed(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(OLD)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_path_kinds(tmp_path):
    write_bytes(str(tmp_path / "a"), b"1")
    write_bytes(os.fsencode(tmp_path / "b"), b"2")
    assert (tmp_path / "a").read_bytes() == b"1" and (tmp_path / "b").read_bytes() == b"2"


def test_failure_while_making_the_content_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)

    def fill(fh):
        fh.write(b"half a file")
        raise RuntimeError("renderer broke")

    with pytest.raises(RuntimeError, match="renderer broke"):
        write_with(target, fill)
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_interrupt_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    with pytest.raises(KeyboardInterrupt), replacing(target) as fh:
        fh.write(b"partial")
        raise KeyboardInterrupt
    assert target.read_bytes() == OLD and os.listdir(tmp_path) == ["out.pdf"]


def test_temp_path_for_writers_that_open_by_name(tmp_path):
    target = tmp_path / "rows.csv"
    target.write_bytes(OLD)
    with temp_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_text("a,b\n1,2\n")
        assert target.read_bytes() == OLD  # not yet
    assert target.read_text() == "a,b\n1,2\n" and os.listdir(tmp_path) == ["rows.csv"]


def test_missing_folder_and_directory_target_are_named(tmp_path):
    with pytest.raises(OutputError, match=r"folder .* does not exist") as err:
        write_bytes(tmp_path / "nope" / "x.png", b"x")
    assert err.value.errno == errno.ENOENT
    with pytest.raises(OutputError, match="is a directory"):
        write_bytes(tmp_path, b"x")


def test_unwritable_folder_is_an_output_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.png").write_bytes(OLD)
    locked.chmod(0o555)
    try:
        with pytest.raises(OutputError, match=r"cannot write .*x\.png.*unchanged") as err:
            write_bytes(locked / "x.png", b"new")
        assert isinstance(err.value, OSError) and err.value.errno == errno.EACCES
        assert (locked / "x.png").read_bytes() == OLD
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize("bad", [42, None, ["x.png"], 3.5])
def test_bad_target_is_a_footviz_error(bad):
    with pytest.raises(OutputTargetError, match=r"give a file path .* binary file object") as e:
        write_bytes(bad, b"x")
    assert isinstance(e.value, FootvizError) and isinstance(e.value, TypeError)
    assert type(bad).__name__ in str(e.value)


def test_empty_path_and_text_stream_are_rejected():
    with pytest.raises(OutputTargetError, match="empty path"):
        write_bytes("", b"x")
    with pytest.raises(OutputTargetError, match="text stream"):
        write_bytes(io.StringIO(), b"x")


def test_file_object_gets_the_whole_content_in_one_write():
    calls = []

    class Sink:
        def write(self, data):
            calls.append(bytes(data))
            return len(data)

    sink = Sink()
    assert write_with(sink, lambda fh: (fh.write(b"ab"), fh.write(b"cd"))) is sink
    assert calls == [b"abcd"]


def test_raw_stream_with_short_writes_gets_everything():
    class Raw(io.RawIOBase):
        def __init__(self):
            self.data = bytearray()

        def writable(self):
            return True

        def write(self, b):
            self.data += bytes(b[:3])  # takes at most 3 bytes a call
            return min(3, len(b))

    raw = Raw()
    write_bytes(raw, b"0123456789")
    assert bytes(raw.data) == b"0123456789"


def test_file_object_that_raises_is_an_output_error():
    class Full(io.RawIOBase):
        name = "response"

        def writable(self):
            return True

        def write(self, b):
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="cannot write to response: No space left") as err:
        write_bytes(Full(), b"x")
    assert err.value.errno == errno.ENOSPC


def test_file_object_is_untouched_when_the_content_fails():
    buf = io.BytesIO()

    def fill(fh):
        fh.write(b"half")
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        write_with(buf, fill)
    assert buf.getvalue() == b""


FULL_DISK = """
import os, resource, signal, sys
sys.path.insert(0, {root!r})
from footviz._internal.atomic import write_bytes
from footviz.errors import OutputError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    write_bytes({target!r}, b"n" * 100_000)
except OutputError as exc:
    print(exc.errno, exc)
    sys.exit(3)
"""


@pytest.mark.slow
def test_file_size_limit_leaves_the_existing_file(tmp_path):
    target = tmp_path / "map.png"
    target.write_bytes(OLD)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    script = textwrap.dedent(FULL_DISK).format(root=root, target=str(target))
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert r.returncode == 3, r.stderr
    assert r.stdout.startswith(f"{errno.EFBIG} cannot write"), r.stdout
    assert "unchanged" in r.stdout
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["map.png"]
