"""The server address a person types, made into the one address AdvisorOS signs in to.

People type ``advisoros.example.com``, ``https://advisoros.example.com/`` or paste
the API root; all of these name one server, so they must give one cache and one
keyring entry. The address is checked before anything goes on the network, so
a typo gets a precise sentence at once rather than a timeout later.

``https://`` is assumed when no scheme is typed. ``http://`` is accepted only
for this computer (``localhost``, ``127.x.x.x``, ``::1``): a password and the
tokens it buys must never cross a network unencrypted, and a server on the
office network can have a certificate its computers trust.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from advisoros_desktop.sync.sign_in_texts import EXAMPLE, sentence

API_SUFFIX = "/api/v1"
DEFAULT_PORTS = {"http": 80, "https": 443}

# Letters, digits, dots and hyphens (internationalized names arrive as typed and are
# checked loosely: the resolver has the last word).
_HOST_NAME = re.compile(r"^[\w.-]+$")


class AddressProblem(ValueError):
    """The typed address cannot be a server address.

    ``reason`` names the sentence in ``sign_in_texts`` and ``values`` fill it in;
    ``message`` is that sentence in English.
    """

    def __init__(self, reason: str, **values: str) -> None:
        self.reason = reason
        self.values = {"example": EXAMPLE, **values}
        self.message = sentence(reason, self.values)
        super().__init__(self.message)


def server_address(text: str) -> str:
    """``text`` as ``scheme://host[:port][/path]``, lower-case host, no trailing slash.

    Raises ``AddressProblem`` for anything that cannot be an AdvisorOS server address.
    """
    raw = text.strip()
    if not raw:
        raise AddressProblem("address_empty")
    if any(ch.isspace() for ch in raw):
        raise AddressProblem("address_spaces")
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise AddressProblem("address_scheme", scheme=parts.scheme)
    if "@" in parts.netloc:
        raise AddressProblem("address_credentials")
    if parts.query or parts.fragment or raw.endswith(("?", "#")):
        raise AddressProblem("address_query")
    host = parts.hostname or ""
    if not host or not _valid_host(host):
        raise AddressProblem("address_host", typed=text.strip())
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 0 < port < 65536:
        raise AddressProblem("address_port")
    if scheme == "http" and not is_this_computer(host):
        raise AddressProblem("address_plain_http")
    shown_host = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        shown_host += f":{port}"
    return f"{scheme}://{shown_host}{parts.path.rstrip('/')}"


def address_shown(server: str) -> str:
    """The address as a person would type it: the API root without ``/api/v1``."""
    url = server.rstrip("/")
    return url[: -len(API_SUFFIX)] if url.endswith(API_SUFFIX) else url


def is_this_computer(host: str) -> bool:
    """True for loopback names and addresses: nothing sent there leaves the computer."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _valid_host(host: str) -> bool:
    if ":" in host:  # an IPv6 address (urlsplit has taken the brackets off)
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return False
        return True
    if not _HOST_NAME.match(host) or host.startswith((".", "-")) or ".." in host:
        return False
    return not host.endswith("-")
