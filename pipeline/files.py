"""Small file helpers shared by the stages that write: atomic writes and the ingest lock."""
from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    ``durable`` also waits for the disk (fsync); without it the file is still whole after a
    crash of the process, and a caller that needs it on disk syncs once for a whole batch."""
    with atomic_open(path, durable) as f:
        f.write(data)


@contextmanager
def atomic_open(path: Path, durable: bool = True):
    """A binary file to write ``path`` through; it replaces ``path`` only if the block ends
    without an error, so a large output can be streamed rather than built in memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str, durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), durable)


def atomic_write_json(path: Path, obj, indent: int | None = 2, durable: bool = True) -> None:
    atomic_write_text(path, json.dumps(obj, ensure_ascii=False, indent=indent) + "\n", durable)


class Busy(Exception):
    """Another ingest holds the lock of this output folder."""


class OutputLock:
    """An exclusive, non-blocking lock on an output folder (released when the process dies)."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / ".congvan.lock"
        self.fd: int | None = None

    def __enter__(self) -> "OutputLock":
        import fcntl
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            raise Busy(str(self.path))
        os.ftruncate(self.fd, 0)
        os.write(self.fd, str(os.getpid()).encode())
        return self

    def __exit__(self, *exc) -> None:
        import fcntl
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
