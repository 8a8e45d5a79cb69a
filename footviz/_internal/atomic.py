"""The one writer: every file footviz saves goes through :func:`write_bytes` or :func:`write_with`.

A *target* is a path (``str``, ``bytes`` or :class:`os.PathLike`) or a binary file object (any
object with ``write``, like ``io.BytesIO`` or a web response).

Paths are written atomically.  The bytes go to a new file beside the target, which is flushed,
synced and renamed over the target only once it is complete; on any failure (a full disk, a
file-size limit, an error while the content is made, an interrupt) the temporary file is
removed and whatever was at the path before is left as it was.  A new file gets the mode a
plain ``open()`` gives under the current umask (the temporary file is created with ``0o666``
and the kernel applies the umask); a file that is replaced keeps its mode, as it would when
``open()`` truncates it.  A symbolic link is followed: the file it points to is replaced.

A file object receives the whole content in one ``write`` call, after it has been made, so a
failure while making it writes nothing.

This module imports nothing outside the standard library (the core uses it too).
"""

from __future__ import annotations

import contextlib
import errno as _errno
import io
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import OutputError, OutputTargetError

__all__ = [
    "Target",
    "check_target",
    "is_path",
    "replacing",
    "target_name",
    "temp_path",
    "write_bytes",
    "write_with",
]

Target = Any  # str | bytes | os.PathLike | a binary file object
_TEMP_PREFIX_LEN = 120  # characters of the target's name kept in the temporary name


def is_path(target: object) -> bool:
    """Whether ``target`` is a path (else it must be a binary file object)."""
    return isinstance(target, (str, bytes, os.PathLike))


def target_name(target: Target) -> str:
    """The path as text, or the file object's ``name`` (``""`` when it has none)."""
    if is_path(target):
        return os.fsdecode(os.fspath(target))
    name = getattr(target, "name", "")
    return name if isinstance(name, str) else ""


def check_target(target: Target, what: str = "path") -> None:
    """Raise :class:`~footviz.errors.OutputTargetError` unless ``target`` is a path or a
    binary file object."""
    if is_path(target):
        if not os.fspath(target):
            raise OutputTargetError(f"{what}: an empty path was given")
        return
    if callable(getattr(target, "write", None)):
        if isinstance(target, io.TextIOBase):
            raise OutputTargetError(
                f"{what}: {_short(target)} is a text stream; give a binary one "
                "(open(..., 'wb'), io.BytesIO())"
            )
        return
    raise OutputTargetError(
        f"{what}={_short(target)}: give a file path (str or os.PathLike) or a binary file "
        f"object with write(), not {type(target).__name__}"
    )


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _destination(path: str | bytes | os.PathLike[str]) -> str:
    dest = os.fsdecode(os.fspath(path))
    if os.path.islink(dest):  # open() writes through a link: replace what it points to
        dest = os.path.realpath(dest)
    return dest


def _failure(exc: OSError, dest: str, existed: bool) -> OutputError:
    why = exc.strerror or str(exc) or type(exc).__name__
    after = "the file there is unchanged" if existed else "nothing was written"
    return OutputError(f"cannot write {dest!r}: {why} ({after})", exc.errno, dest)


def _new_temp(directory: str, name: str) -> tuple[int, str]:
    """Create a new, empty file beside the target; mode 0o666 less the umask, as open() does."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = os.path.join(directory, f".{name[:_TEMP_PREFIX_LEN]}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(_errno.EEXIST, "no free temporary file name", directory)


def _sync(fd: int) -> None:
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (_errno.EINVAL, getattr(_errno, "ENOTSUP", _errno.EINVAL)):
            raise  # a file system that cannot sync is fine; one that failed to write is not


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


@contextlib.contextmanager
def replacing(path: str | bytes | os.PathLike[str], *, what: str = "path") -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces ``path`` when the block ends without an error.

    On any error the file is removed, ``path`` keeps its old content, and an :class:`OSError`
    becomes an :class:`~footviz.errors.OutputError` naming the path.
    """
    with _replace(path, what) as (fh, _):
        yield fh


@contextlib.contextmanager
def temp_path(path: str | bytes | os.PathLike[str], *, what: str = "path") -> Iterator[Path]:
    """Yield the path of an empty temporary file that replaces ``path`` on success.

    For writers that open a file by name themselves; same guarantees as :func:`replacing`.
    """
    with _replace(path, what) as (_, tmp):
        yield Path(tmp)


@contextlib.contextmanager
def _replace(path, what: str) -> Iterator[tuple[IO[bytes], str]]:
    check_target(path, what)
    if not is_path(path):
        raise OutputTargetError(f"{what}: replacing() needs a path, got {_short(path)}")
    dest = _destination(path)
    directory = os.path.dirname(dest) or "."
    existed = os.path.lexists(dest)
    if os.path.isdir(dest):
        raise OutputError(f"cannot write {dest!r}: it is a directory", _errno.EISDIR, dest)
    if not os.path.isdir(directory):
        raise OutputError(
            f"cannot write {dest!r}: the folder {directory!r} does not exist",
            _errno.ENOENT,
            dest,
        )
    try:
        fd, tmp = _new_temp(directory, os.path.basename(dest))
    except OSError as exc:
        raise _failure(exc, dest, existed) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh, tmp
            fh.flush()
            _sync(fh.fileno())  # a full disk shows here at the latest, never after the rename
        if existed:
            with contextlib.suppress(OSError):  # keep the replaced file's mode, as open() does
                os.chmod(tmp, stat.S_IMODE(os.stat(dest).st_mode))
        os.replace(tmp, dest)
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise _failure(exc, dest, existed) from exc
        raise


def write_bytes(target: Target, data: bytes, *, what: str = "path") -> Target:
    """Write ``data`` to ``target`` (atomically for a path); return ``target``."""
    check_target(target, what)
    if is_path(target):
        with replacing(target, what=what) as fh:
            fh.write(data)
        return target
    try:
        n = target.write(data)
        if n is not None and n < len(data):  # a raw stream may take part of it: the rest
            view, done = memoryview(data), n
            while done < len(view):
                n = target.write(view[done:])
                if not n:
                    raise OSError(_errno.EIO, "the stream accepted no more bytes")
                done += n
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        name = target_name(target) or _short(target)
        raise OutputError(
            f"cannot write to {name}: {exc.strerror or exc}", exc.errno, target_name(target)
        ) from exc
    except TypeError as exc:  # a text stream that does not say so
        raise OutputTargetError(
            f"{what}: {_short(target)} does not take bytes; give a binary file object"
        ) from exc
    return target


def write_with(target: Target, fill: Callable[[IO[bytes]], Any], *, what: str = "path") -> Target:
    """Let ``fill(fh)`` write the content to a binary file, then put it at ``target``.

    For a path ``fh`` is the temporary file itself (the content streams to disk); for a file
    object it is an in-memory buffer, written to ``target`` in one call once ``fill`` returns.
    """
    check_target(target, what)
    if is_path(target):
        with replacing(target, what=what) as fh:
            fill(fh)
        return target
    buf = io.BytesIO()
    fill(buf)
    return write_bytes(target, buf.getvalue(), what=what)
