"""Where the access and refresh tokens live between runs: the OS keyring, never a file.

A refresh token is as good as a password for 30 days, so it goes only to the
system's secret store (Keychain, Windows Credential Manager, Secret Service).
Where there is none (a headless Linux box, no D-Bus session, a keyring that
refuses), the tokens stay in this process's memory and the person is told
once that they will have to sign in again next time, rather than us quietly
writing secrets to disk.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import keyring.errors

log = logging.getLogger(__name__)

INSECURE_MESSAGE = (
    "No system keyring is available, so you will need to sign in again next time "
    "AdvisorOS starts. Your password and tokens are not saved to disk."
)

# A keyring entry answering to this name is only ever written and deleted by the probe.
_PROBE_ACCOUNT = "advisoros-keyring-probe"


@dataclass(frozen=True)
class Tokens:
    """One token pair; ``expires_at`` is when the access token expires (epoch seconds)."""

    access_token: str
    refresh_token: str
    expires_at: float

    def __repr__(self) -> str:
        # Tokens end up in tracebacks and logs; their repr must not carry the secrets.
        return f"Tokens(expires_at={self.expires_at!r})"

    def to_json(self) -> str:
        return json.dumps(
            {
                "accessToken": self.access_token,
                "refreshToken": self.refresh_token,
                "expiresAt": self.expires_at,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Tokens | None:
        """The tokens in ``text``, or ``None`` for anything that is not a saved pair."""
        try:
            data = json.loads(text)
            tokens = cls(
                str(data["accessToken"]), str(data["refreshToken"]), float(data["expiresAt"])
            )
        except (ValueError, TypeError, KeyError):
            return None
        return tokens if tokens.access_token and tokens.refresh_token else None


class TokenStore(Protocol):
    """Keeps one token pair per account (say, server URL plus email)."""

    def load(self, account_key: str) -> Tokens | None: ...

    def save(self, account_key: str, tokens: Tokens) -> None: ...

    def clear(self, account_key: str) -> None: ...


class MemoryTokenStore:
    """Tokens for this process only: tests, and the fallback when there is no keyring."""

    def __init__(self) -> None:
        self._tokens: dict[str, Tokens] = {}

    def load(self, account_key: str) -> Tokens | None:
        return self._tokens.get(account_key)

    def save(self, account_key: str, tokens: Tokens) -> None:
        self._tokens[account_key] = tokens

    def clear(self, account_key: str) -> None:
        self._tokens.pop(account_key, None)


class KeyringTokenStore:
    """Tokens in the OS keyring, or in memory (with one warning) when it does not work.

    The backend is probed on first use (write, read back, delete a throw-away
    entry) rather than trusted by its name: a Secret Service backend without a
    D-Bus session, or a locked keyring whose unlock was refused, only fails when
    used. Probing lazily keeps constructing the store free of D-Bus round trips.
    """

    def __init__(
        self,
        service: str = "AdvisorOS Desktop",
        on_insecure: Callable[[str], None] | None = None,
    ) -> None:
        self.service = service
        self._on_insecure = on_insecure
        self._backend: keyring.backend.KeyringBackend | None = None
        self._probed = False
        self._warned = False
        self._memory = MemoryTokenStore()

    @property
    def persistent(self) -> bool:
        """True when tokens survive a restart (a working keyring was found)."""
        self._ensure_probed()
        return self._backend is not None

    def load(self, account_key: str) -> Tokens | None:
        backend = self._ready_backend()
        if backend is None:
            return self._memory.load(account_key)
        try:
            text = backend.get_password(self.service, account_key)
        except Exception as error:
            self._fall_back(f"reading from the keyring failed: {error!r}")
            return self._memory.load(account_key)
        if text is None:
            return None
        tokens = Tokens.from_json(text)
        if tokens is None:
            log.warning("ignoring an unreadable token entry in the keyring")
        return tokens

    def save(self, account_key: str, tokens: Tokens) -> None:
        backend = self._ready_backend()
        if backend is not None:
            try:
                backend.set_password(self.service, account_key, tokens.to_json())
                return
            except Exception as error:
                self._fall_back(f"writing to the keyring failed: {error!r}")
        self._memory.save(account_key, tokens)

    def clear(self, account_key: str) -> None:
        self._memory.clear(account_key)
        backend = self._ready_backend()
        if backend is None:
            return
        try:
            backend.delete_password(self.service, account_key)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was saved for this account
        except Exception as error:
            # Signing out must not fail; the stale pair is refused by the server anyway
            # once a new sign-in rotates it, and the next save overwrites it.
            log.warning("could not delete tokens from the keyring: %r", error)

    def _ready_backend(self) -> keyring.backend.KeyringBackend | None:
        self._ensure_probed()
        return self._backend

    def _ensure_probed(self) -> None:
        if self._probed:
            return
        self._probed = True
        backend = keyring.get_keyring()
        reason = _unusable_reason(backend, self.service)
        if reason is None:
            self._backend = backend
        else:
            self._fall_back(reason)

    def _fall_back(self, reason: str) -> None:
        """From now on, memory only; tell the person once."""
        log.warning("keeping sign-in tokens in memory only: %s", reason)
        self._backend = None
        if self._warned:
            return
        self._warned = True
        if self._on_insecure is not None:
            self._on_insecure(INSECURE_MESSAGE)


def _unusable_reason(backend: keyring.backend.KeyringBackend, service: str) -> str | None:
    """Why ``backend`` cannot keep secrets, or ``None`` when a round trip works."""
    if isinstance(backend, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
        return f"no keyring backend is available ({type(backend).__name__})"
    # keyrings.alt's backends are files in the home folder (one of them plain
    # text): exactly what tokens must never be written to.
    if type(backend).__module__.startswith("keyrings.alt"):
        return f"the keyring backend {type(backend).__module__} stores secrets in a file"
    value = "probe-" + secrets.token_hex(8)
    try:
        backend.set_password(service, _PROBE_ACCOUNT, value)
        read_back = backend.get_password(service, _PROBE_ACCOUNT)
        backend.delete_password(service, _PROBE_ACCOUNT)
    except Exception as error:
        return f"the keyring backend {type(backend).__name__} failed: {error!r}"
    if read_back != value:
        return f"the keyring backend {type(backend).__name__} did not keep a test entry"
    return None
