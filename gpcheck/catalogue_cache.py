"""The loaded catalogue, kept between runs so that each command does not re-read and
re-validate thirteen YAML files.

The cache is a pickle of whatever `load_catalogue` returns, so it does not care how the
catalogue's models look. It is used only when it is certainly the same catalogue and the same
code: its key covers gpcheck's version, the Python and pydantic versions, the source of
every gpcheck module and the name and bytes of every file in the catalogue folder.

A pickle can run code when loaded, so gpcheck loads only a pickle it wrote itself: the cache
folder must belong to the user and be writable by nobody else, and every file carries an HMAC
made with a random key kept (mode 0600) in that folder. Anything unexpected — no home folder,
a read-only disk, a corrupt or foreign file — means the catalogue is simply loaded as usual.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import importlib.util
import json
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gpcheck import __version__
from gpcheck.errors import GpcheckError
from gpcheck.paths import cache_dir, criteria_dir

MAGIC = b"gpcheck catalogue cache 1\n"
_KEY_FILE = "key"
_PACKAGE = Path(__file__).resolve().parent


def cached_catalogue(folder: Path | None = None) -> Any:
    """`load_catalogue(folder)`, from the cache when it is certainly up to date."""
    from gpcheck.catalogue import load_catalogue  # pydantic: only when a catalogue is needed

    if os.environ.get("GPCHECK_NO_CACHE") or not hasattr(os, "getuid"):
        return load_catalogue(folder)
    folder = (criteria_dir() if folder is None else Path(folder)).resolve()
    try:
        key = cache_key(folder)
        where = cache_dir()
        secret = _secret(where)
        path = where / f"catalogue-{_folder_id(folder)}.pickle"
    except OSError:
        return load_catalogue(folder)
    found = _read(path, secret, key)
    if found is not None:
        return found
    catalogue = load_catalogue(folder)  # a broken catalogue raises here and is never cached
    _write(path, secret, key, catalogue)
    return catalogue


def cache_key(folder: Path) -> bytes:
    """Everything the loaded catalogue depends on: the files, the code, the versions.

    pydantic is identified by its installed files (not imported: that alone would cost more
    than the cache saves for `gpcheck schema`). gpcheck's own modules by name, size and time of
    change, as Python's own byte-code cache does; the catalogue files by their bytes.
    """
    digest = hashlib.sha256()
    for part in (__version__, sys.version, str(folder)):
        digest.update(part.encode() + b"\0")
    digest.update(_code_digest(_PACKAGE))
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode() + b"\0" + Path(entry.path).read_bytes() + b"\0")
    return digest.digest()


@functools.cache
def _code_digest(package: Path) -> bytes:
    """The code this process runs: the pydantic version and gpcheck's modules (name, size,
    time of change, as Python's byte-code cache checks them), once per process — code
    changed on disk later is not the code that is running."""
    digest = hashlib.sha256()
    for name in ("pydantic", "pydantic_core"):
        spec = importlib.util.find_spec(name)
        origin = Path(spec.origin) if spec and spec.origin else None
        if origin is not None:
            info = origin.stat()
            digest.update(f"{origin}:{info.st_size}:{info.st_mtime_ns}".encode() + b"\0")
    prefix = len(str(package)) + 1
    found = []
    for root, dirs, files in os.walk(package):  # several times faster than Path.rglob
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(root, name)
                info = os.stat(path)
                found.append(f"{path[prefix:]}:{info.st_size}:{info.st_mtime_ns}")
    for line in sorted(found):
        digest.update(line.encode() + b"\0")
    return digest.digest()


def cached_text(name: str, folder: Path | None, make: Callable[[], str]) -> str:
    """Output that depends only on the catalogue and gpcheck's code (e.g. `gpcheck schema`),
    kept as JSON next to the catalogue cache; `make()` runs only when it is missing or old."""
    if os.environ.get("GPCHECK_NO_CACHE"):
        return make()
    folder = (criteria_dir() if folder is None else Path(folder)).resolve()
    try:
        key = cache_key(folder).hex()
        path = cache_dir() / f"{name}-{_folder_id(folder)}.json"
    except OSError:
        return make()
    try:
        data = json.loads(path.read_bytes())
        if data.get("key") == key and isinstance(data.get("text"), str):
            return data["text"]
    except (OSError, ValueError, AttributeError):
        pass
    text = make()
    try:
        from gpcheck.atomic import write_atomic

        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"key": key, "text": text}, ensure_ascii=False), mode=0o600)
    except (OSError, GpcheckError):
        pass
    return text


def _folder_id(folder: Path) -> str:
    return hashlib.sha256(str(folder).encode()).hexdigest()[:20]


def _private(path: Path, *, folder: bool) -> bool:
    """Owned by this user and writable by nobody else (so nobody else can plant a pickle)."""
    info = path.lstat()
    kind_ok = (info.st_mode & 0o170000) == (0o040000 if folder else 0o100000)
    return kind_ok and info.st_uid == os.getuid() and not info.st_mode & 0o022


def _secret(where: Path) -> bytes:
    """The HMAC key of this cache folder, created on first use."""
    where.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(where, folder=True):
        raise PermissionError(where)
    key_path = where / _KEY_FILE
    try:
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if not _private(key_path, folder=False):
            raise PermissionError(key_path) from None
        secret = key_path.read_bytes()
        if len(secret) != 32:
            raise PermissionError(key_path) from None
        return secret
    import secrets  # only the first time: imported lazily, as it costs start-up time

    secret = secrets.token_bytes(32)
    with os.fdopen(fd, "wb") as fh:
        fh.write(secret)
    return secret


def _read(path: Path, secret: bytes, key: bytes) -> Any:
    try:
        if not _private(path, folder=False):
            return None
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + 32 + len(key)
    if len(data) <= head or not data.startswith(MAGIC):
        return None
    mac, body = data[len(MAGIC) : len(MAGIC) + 32], data[len(MAGIC) + 32 :]
    if not hmac.compare_digest(mac, hmac.digest(secret, body, "sha256")):
        return None
    if body[: len(key)] != key:
        return None  # an older catalogue or older code: load anew
    try:
        return pickle.loads(body[len(key) :])
    except Exception:  # a pickle of classes that changed shape since: load anew
        return None


def _write(path: Path, secret: bytes, key: bytes, catalogue: Any) -> None:
    try:
        body = key + pickle.dumps(catalogue, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # models that cannot be pickled: go without the cache
        return
    data = MAGIC + hmac.digest(secret, body, "sha256") + body
    try:
        from gpcheck.atomic import write_atomic

        write_atomic(path, data, mode=0o600)
        _forget_old(path.parent)
    except (OSError, GpcheckError):
        return


def _forget_old(where: Path, days: int = 30) -> None:
    """Cache files not written for a month (of an old checkout, a removed install) are
    deleted; one still in use is simply made again."""
    import time

    limit = time.time() - days * 86400
    for pattern in ("catalogue-*.pickle", "schema-*.json", "locale-*.json"):
        for old in where.glob(pattern):
            if old.stat().st_mtime < limit:
                old.unlink(missing_ok=True)
