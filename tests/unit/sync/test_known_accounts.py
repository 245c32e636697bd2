"""The accounts used on this computer: most recent first, one entry per cache, never a secret."""

from __future__ import annotations

import json
from pathlib import Path

from advisoros_desktop.sync.known_accounts import FILE_NAME, add_known_account, known_accounts
from advisoros_desktop.sync.last_account import (
    LOCAL_WORKSPACE,
    LastAccount,
    forget,
    recall,
    remember,
)

SERVER = "https://advisoros.example.com/api/v1"


def entry(data: Path, server: str, user: str, cache: str, email: str = "") -> LastAccount:
    path = data / cache
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return LastAccount(server, "Harbor CPA", user, cache, email)


def test_the_last_opened_comes_first_and_a_cache_is_listed_once(tmp_path: Path) -> None:
    local = entry(tmp_path, LOCAL_WORKSPACE, "me@workspace.local", "accounts/l/o/u/cache.db")
    dana = entry(tmp_path, SERVER, "dana@x.com", "accounts/s/o/d/cache.db", "Dana@x.com")
    add_known_account(tmp_path, local)
    add_known_account(tmp_path, dana)
    assert known_accounts(tmp_path) == [dana, local]
    renamed = LastAccount(LOCAL_WORKSPACE, "My firm", "me@workspace.local", local.cache)
    add_known_account(tmp_path, renamed)
    assert known_accounts(tmp_path) == [renamed, dana]
    assert known_accounts(tmp_path)[0].is_local and not dana.is_local
    assert dana.sign_in_email == "Dana@x.com" and local.sign_in_email == "me@workspace.local"


def test_an_account_whose_cache_is_gone_is_not_listed(tmp_path: Path) -> None:
    dana = entry(tmp_path, SERVER, "dana@x.com", "accounts/s/o/d/cache.db")
    add_known_account(tmp_path, dana)
    (tmp_path / dana.cache).unlink()
    assert known_accounts(tmp_path) == []


def test_the_last_account_from_before_the_list_is_listed(tmp_path: Path) -> None:
    old = entry(tmp_path, LOCAL_WORKSPACE, "me@workspace.local", "accounts/l/o/u/cache.db")
    remember(tmp_path, old)
    assert known_accounts(tmp_path) == [old]
    assert recall(tmp_path) == old


def test_after_sign_out_there_is_no_last_account_but_the_account_stays_known(
    tmp_path: Path,
) -> None:
    dana = entry(tmp_path, SERVER, "dana@x.com", "accounts/s/o/d/cache.db", "dana@x.com")
    remember(tmp_path, dana)
    add_known_account(tmp_path, dana)
    forget(tmp_path)
    forget(tmp_path)  # twice is fine
    assert recall(tmp_path) is None
    assert known_accounts(tmp_path) == [dana]


def test_a_last_account_file_from_before_emails_were_kept_still_reads(tmp_path: Path) -> None:
    cache = entry(tmp_path, SERVER, "dana@x.com", "accounts/s/o/d/cache.db").cache
    fields = {"server": SERVER, "organization": "Harbor CPA", "user": "dana@x.com", "cache": cache}
    (tmp_path / "last-account.json").write_text(json.dumps(fields))
    last = recall(tmp_path)
    assert last is not None and last.email == "" and last.sign_in_email == "dana@x.com"


def test_unreadable_lists_and_entries_are_skipped(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{not json")
    assert known_accounts(tmp_path) == []
    (tmp_path / FILE_NAME).write_text(json.dumps({"server": SERVER}))
    assert known_accounts(tmp_path) == []
    dana = entry(tmp_path, SERVER, "dana@x.com", "accounts/s/o/d/cache.db")
    (tmp_path / FILE_NAME).write_text(
        json.dumps([{"server": SERVER}, 7, {**dana.__dict__, "user": 5}, dana.__dict__])
    )
    assert known_accounts(tmp_path) == [dana]


def test_the_list_holds_names_and_paths_only(tmp_path: Path) -> None:
    dana = entry(tmp_path, SERVER, "dana@x.com", "accounts/s/o/d/cache.db", "dana@x.com")
    add_known_account(tmp_path, dana)
    stored = json.loads((tmp_path / FILE_NAME).read_text())
    assert stored == [
        {
            "server": SERVER,
            "organization": "Harbor CPA",
            "user": "dana@x.com",
            "cache": "accounts/s/o/d/cache.db",
            "email": "dana@x.com",
        }
    ]
