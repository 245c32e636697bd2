"""Every way of typing one server's address gives one address (so one cache, one keyring entry)."""

from __future__ import annotations

import pytest

from advisoros_desktop.sync.account import account_key, api_root
from advisoros_desktop.sync.server_address import (
    AddressProblem,
    address_shown,
    is_this_computer,
    server_address,
)


@pytest.mark.parametrize(
    "typed",
    [
        "advisoros.example.com",
        "  advisoros.example.com/  ",
        "https://advisoros.example.com",
        "HTTPS://AdvisorOS.Example.com/",
        "https://advisoros.example.com:443",
    ],
)
def test_one_server_typed_many_ways(typed: str) -> None:
    assert server_address(typed) == "https://advisoros.example.com"


def test_the_api_root_pasted_names_the_same_account() -> None:
    pasted = server_address("https://advisoros.example.com/api/v1/")
    assert pasted == "https://advisoros.example.com/api/v1"
    typed = server_address("advisoros.example.com")
    assert api_root(pasted) == api_root(typed)
    assert account_key(pasted, "Dana@x.com") == account_key(typed, "dana@x.com ")
    assert address_shown(api_root(typed)) == "https://advisoros.example.com"


def test_ports_paths_and_addresses_are_kept() -> None:
    assert server_address("firm.example.com:8443/advisoros") == (
        "https://firm.example.com:8443/advisoros"
    )
    assert server_address("https://192.0.2.7") == "https://192.0.2.7"
    assert server_address("https://[2001:db8::1]:8443") == "https://[2001:db8::1]:8443"
    assert server_address("intranet-server") == "https://intranet-server"


@pytest.mark.parametrize(
    "typed",
    [
        "http://localhost:8000",
        "http://127.0.0.1:51234/",
        "http://[::1]:9000",
        "http://app.localhost",
    ],
)
def test_plain_http_is_accepted_on_this_computer_only(typed: str) -> None:
    assert server_address(typed).startswith("http://")


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("", "Enter the address"),
        ("   ", "Enter the address"),
        ("http://advisoros.example.com", "Use https://"),
        ("http://192.168.1.20:8000", "Use https://"),
        ("ftp://advisoros.example.com", "“ftp://” is not a web address"),
        ("advisoros example.com", "cannot contain spaces"),
        ("https://dana:secret@advisoros.example.com", "Leave your email and password out"),
        ("https://advisoros.example.com/?next=/", "cannot contain “?” or “#”"),
        ("https://advisoros.example.com#top", "cannot contain “?” or “#”"),
        ("https://", "has no valid server name"),
        ("https://bad..name", "has no valid server name"),
        ("https://-bad.example.com", "has no valid server name"),
        ("https://advisoros.example.com:0", "port number"),
        ("https://advisoros.example.com:70000", "port number"),
        ("https://advisoros.example.com:http", "port number"),
    ],
)
def test_what_cannot_be_an_address_is_explained(typed: str, words: str) -> None:
    with pytest.raises(AddressProblem) as caught:
        server_address(typed)
    assert words in caught.value.message


def test_this_computer() -> None:
    assert is_this_computer("localhost") and is_this_computer("127.0.0.2")
    assert is_this_computer("::1")
    assert not is_this_computer("192.168.1.20") and not is_this_computer("example.com")
