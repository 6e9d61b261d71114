"""The workshop's secrets: join code, facilitator token, signing key and participant tokens.

They live in one private file (mode 600) inside the workshop folder, so a restarted server
knows everyone again and each participant continues where they were. Participant tokens are
stored only as SHA-256 hashes: the file lets nobody impersonate a participant, while each
participant's own link or cookie keeps working.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from gpcheck.atomic import write_atomic
from gpcheck.errors import GpcheckError

KEYS_FILE = ".gpcheck-serve.json"
# No 0/O, 1/I/L: read aloud and typed on a phone without confusion (31^6 ≈ 9·10^8 codes).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
TOKEN_BYTES = 18  # 144 bits, URL-safe text of 24 characters


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalise_code(text: str) -> str:
    """What a person types ("abc 23x", "ABC-23X") → the code as printed (ABC23X)."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


@dataclass
class Participant:
    """One participant: their file in the workshop folder (None until the project is named)."""

    file: str | None = None
    created: str = ""


@dataclass
class Keys:
    join_code: str
    facilitator: str
    secret: str
    participants: dict[str, Participant] = field(default_factory=dict)  # token hash → entry

    def sign(self, purpose: str, value: str) -> str:
        """An HMAC of `value` for one purpose (join proof, CSRF token)."""
        msg = f"{purpose}:{value}".encode()
        return hmac.new(self.secret.encode(), msg, hashlib.sha256).hexdigest()[:40]

    def code_matches(self, typed: str) -> bool:
        return hmac.compare_digest(normalise_code(typed), self.join_code)

    def is_facilitator(self, token: str) -> bool:
        return hmac.compare_digest(token.encode(), self.facilitator.encode())

    def participant(self, token: str) -> Participant | None:
        return self.participants.get(token_hash(token))


class KeyFile:
    """The keys of one workshop folder, loaded once and rewritten (atomically) on change."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / KEYS_FILE
        self.lock = threading.Lock()
        self.keys = self._load() if self.path.exists() else self._create()

    def _create(self) -> Keys:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        keys = Keys(code, secrets.token_urlsafe(TOKEN_BYTES), secrets.token_hex(32))
        self._write(keys)
        return keys

    def _load(self) -> Keys:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            people = {
                h: Participant(file=p.get("file"), created=p.get("created", ""))
                for h, p in data["participants"].items()
            }
            return Keys(data["join_code"], data["facilitator"], data["secret"], people)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise GpcheckError("web_keys_broken", path=self.path, reason=str(exc)) from None

    def _write(self, keys: Keys) -> None:
        """Written atomically and private to the facilitator (mode 600)."""
        data = {
            "join_code": keys.join_code,
            "facilitator": keys.facilitator,
            "secret": keys.secret,
            "participants": {
                h: {"file": p.file, "created": p.created} for h, p in keys.participants.items()
            },
        }
        write_atomic(self.path, json.dumps(data, indent=1, ensure_ascii=False), mode=0o600)

    def new_participant(self) -> str:
        """A fresh unguessable token; only its hash is kept."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.lock:
            self.keys.participants[token_hash(token)] = Participant(created=now)
            self._write(self.keys)
        return token

    def assign_file(self, token: str, name: str) -> None:
        with self.lock:
            self.keys.participants[token_hash(token)].file = name
            self._write(self.keys)

    def taken_files(self) -> set[str]:
        with self.lock:
            return {p.file for p in self.keys.participants.values() if p.file}
