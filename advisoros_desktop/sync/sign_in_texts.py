"""The sentences signing in can end with, in English, each named by its reason.

The Qt-free layers cannot translate; the sign-in form can. So a failure
carries its reason and the values that go in (``{address}``), and the form
says the sentence in the language spoken (``ui/sign_in_texts.py`` marks the
same English sentences for translation; a test keeps the two lists equal).
Anywhere else (logs, the command line) the English sentence is used as is.
"""

from __future__ import annotations

EXAMPLE = "https://advisoros.example.com"

TEXTS: dict[str, str] = {
    # The address, checked before anything is sent (``server_address``).
    "address_empty": "Enter the address of your firm's AdvisorOS server, such as {example}.",
    "address_spaces": "The server address cannot contain spaces.",
    "address_scheme": (
        "“{scheme}://” is not a web address. Use an https:// address, such as {example}."
    ),
    "address_credentials": (
        "Leave your email and password out of the address; type them in their own boxes."
    ),
    "address_query": (
        "The server address cannot contain “?” or “#”. Type only the server's address, "
        "such as {example}."
    ),
    "address_host": "“{typed}” has no valid server name. Try {example}.",
    "address_port": "The port number in the address must be between 1 and 65535.",
    "address_plain_http": (
        "Use https:// for a server on the network: AdvisorOS sends your password only over "
        "an encrypted connection. (http:// is accepted only for a server on this computer, "
        "such as http://localhost:8000.)"
    ),
    # The rest of the form.
    "email_empty": "Enter the email address you sign in with.",
    "email_invalid": "“{email}” is not an email address.",
    "password_empty": "Enter your password.",
    # The network.
    "unreachable": (
        "Could not reach {address} — check the address and your connection. "
        "(The connection failed.)"
    ),
    "unreachable_name": (
        "Could not reach {address} — check the address and your connection. "
        "(No server by that name was found.)"
    ),
    "unreachable_refused": (
        "Could not reach {address} — check the address and your connection. "
        "(Nothing answered at that address and port.)"
    ),
    "unreachable_timeout": (
        "Could not reach {address} — check the address and your connection. "
        "(The server did not answer in time.)"
    ),
    "certificate": (
        "The server's certificate is not trusted by this computer ({why}). Your password "
        "was not sent. If your firm uses a certificate of its own, ask whoever looks after "
        "your computers to install it, then try again."
    ),
    "no_secure_connection": (
        "A secure connection to {address} could not be set up. Check the address: the "
        "server may not use https:// there."
    ),
    # What the server said.
    "unavailable": (
        "The server at {address} cannot answer right now (HTTP {status}). "
        "Try again in a few minutes."
    ),
    "not_advisoros": (
        "{address} answered, but it is not an AdvisorOS server. Check the address "
        "(your firm's administrator can give it to you)."
    ),
    "redirected": (
        "{address} sends visitors to another address. Type the AdvisorOS server's own "
        "address (your firm's administrator can give it to you)."
    ),
    "wrong_credentials": "The email or password is not right.",
    "account_disabled": "{server_says} Ask your firm's AdvisorOS administrator to enable it.",
    "refused": "The server refused the sign-in: {server_says}",
    "other_person": (
        "That signed in as {signed_in_as}, not {user}. To open another account, "
        "use File → Switch account…."
    ),
    "failed": "Signing in to {address} failed: {error}",
}


def sentence(reason: str, values: dict[str, str]) -> str:
    """The English sentence for ``reason`` with ``values`` in it."""
    return TEXTS[reason].format(**values)
