"""Token storage: the OS keyring when it works, memory (with one warning) when it does not,
and never a file either way."""

from __future__ import annotations

import builtins
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from advisoros_desktop.api.token_store import (
    INSECURE_MESSAGE,
    KeyringTokenStore,
    MemoryTokenStore,
    Tokens,
)

SERVICE = "AdvisorOS Desktop"
ACCOUNT = "http://127.0.0.1:8765|ann@example.com"
TOKENS = Tokens("at_secret-access", "rt_secret-refresh", 1_800_000_000.0)


class DictKeyring(keyring.backend.KeyringBackend):
    """A working keyring held in a dict."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.broken = False

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")

    def _check(self) -> None:
        if self.broken:
            raise keyring.errors.KeyringLocked("The keyring was locked.")


class NoDBusKeyring(keyring.backend.KeyringBackend):
    """Like Secret Service on a headless box: every call fails."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("Unable to autolaunch a dbus-daemon without a $DISPLAY for X11")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.get_password(service, username)

    def delete_password(self, service: str, username: str) -> None:
        self.get_password(service, username)


class ForgetfulKeyring(DictKeyring):
    """Accepts writes and keeps nothing (a misconfigured backend)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


@pytest.fixture(autouse=True)
def restore_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


class Warnings:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, message: str) -> None:
        self.messages.append(message)


def test_tokens_round_trip_through_a_working_keyring() -> None:
    backend = DictKeyring()
    keyring.set_keyring(backend)
    warnings = Warnings()
    store = KeyringTokenStore(on_insecure=warnings)
    assert store.load(ACCOUNT) is None
    store.save(ACCOUNT, TOKENS)
    assert store.load(ACCOUNT) == TOKENS
    # One entry for the account; the probe cleaned up after itself.
    assert list(backend.entries) == [(SERVICE, ACCOUNT)]
    assert KeyringTokenStore().load(ACCOUNT) == TOKENS  # what a restart would see
    store.clear(ACCOUNT)
    assert store.load(ACCOUNT) is None and backend.entries == {}
    store.clear(ACCOUNT)  # clearing twice is fine
    assert store.persistent and warnings.messages == []


@pytest.mark.parametrize(
    "backend",
    [
        keyring.backends.fail.Keyring(),
        keyring.backends.null.Keyring(),
        NoDBusKeyring(),
        ForgetfulKeyring(),
    ],
    ids=["fail", "null", "no-dbus", "forgetful"],
)
def test_without_a_working_keyring_tokens_stay_in_memory_with_one_warning(
    backend: keyring.backend.KeyringBackend,
) -> None:
    keyring.set_keyring(backend)
    warnings = Warnings()
    store = KeyringTokenStore(on_insecure=warnings)
    assert not store.persistent
    for _ in range(3):
        store.save(ACCOUNT, TOKENS)
        assert store.load(ACCOUNT) == TOKENS
    store.clear(ACCOUNT)
    assert store.load(ACCOUNT) is None
    assert warnings.messages == [INSECURE_MESSAGE]
    assert "sign in again next time" in INSECURE_MESSAGE
    # A new process (a new store) has nothing: the tokens lived in memory only.
    assert KeyringTokenStore(on_insecure=Warnings()).load(ACCOUNT) is None


def test_a_keyring_that_fails_later_falls_back_once() -> None:
    backend = DictKeyring()
    keyring.set_keyring(backend)
    warnings = Warnings()
    store = KeyringTokenStore(on_insecure=warnings)
    store.save(ACCOUNT, TOKENS)
    backend.broken = True  # locked while the app runs
    renewed = Tokens("at_2", "rt_2", 1_800_000_900.0)
    store.save(ACCOUNT, renewed)
    assert store.load(ACCOUNT) == renewed
    store.save(ACCOUNT, TOKENS)
    assert warnings.messages == [INSECURE_MESSAGE]


def test_an_unreadable_entry_is_no_tokens() -> None:
    backend = DictKeyring()
    backend.entries[(SERVICE, ACCOUNT)] = "not json"
    keyring.set_keyring(backend)
    assert KeyringTokenStore().load(ACCOUNT) is None


def test_tokens_never_touch_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "APPDATA"):
        monkeypatch.setenv(name, str(tmp_path))
    monkeypatch.chdir(tmp_path)
    writes: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            writes.append(str(file))
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            writes.append(str(path))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)

    for backend in (keyring.backends.fail.Keyring(), DictKeyring()):
        keyring.set_keyring(backend)
        store = KeyringTokenStore(on_insecure=Warnings())
        store.save(ACCOUNT, TOKENS)
        assert store.load(ACCOUNT) == TOKENS
        store.clear(ACCOUNT)
    monkeypatch.undo()
    assert writes == []
    assert list(tmp_path.iterdir()) == []


def test_memory_store_keeps_accounts_apart() -> None:
    store = MemoryTokenStore()
    other = Tokens("at_b", "rt_b", 1.0)
    store.save("a", TOKENS)
    store.save("b", other)
    store.clear("a")
    assert store.load("a") is None and store.load("b") == other


def test_tokens_do_not_show_their_secrets() -> None:
    assert "secret" not in repr(TOKENS) and "secret" not in str(TOKENS)
    assert Tokens.from_json(TOKENS.to_json()) == TOKENS
    for text in ("", "[]", '{"accessToken": "a"}', '{"accessToken": "", "refreshToken": "r", '
                 '"expiresAt": 1}'):  # fmt: skip
        assert Tokens.from_json(text) is None
