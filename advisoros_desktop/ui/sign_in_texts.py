"""The sign-in form's sentences in the language spoken.

Signing in fails in the Qt-free layers (``sync/server_sign_in.py``), which name
each failure by a reason and say it in English (``sync/sign_in_texts.py``). The
same English sentences are marked here for translation (context ``SignIn``); a
test keeps the two lists equal, so a sentence changed there cannot silently
lose its translation here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from advisoros_desktop.sync.server_sign_in import SignInFailed

TEXTS: dict[str, str] = {
    "address_empty": QT_TRANSLATE_NOOP(
        "SignIn",
        "Enter the address of your firm's AdvisorOS server, such as {example}.",
    ),
    "address_spaces": QT_TRANSLATE_NOOP("SignIn", "The server address cannot contain spaces."),
    "address_scheme": QT_TRANSLATE_NOOP(
        "SignIn",
        "“{scheme}://” is not a web address. Use an https:// address, such as {example}.",
    ),
    "address_credentials": QT_TRANSLATE_NOOP(
        "SignIn",
        "Leave your email and password out of the address; type them in their own boxes.",
    ),
    "address_query": QT_TRANSLATE_NOOP(
        "SignIn",
        "The server address cannot contain “?” or “#”. Type only the server's address, "
        "such as {example}.",
    ),
    "address_host": QT_TRANSLATE_NOOP(
        "SignIn",
        "“{typed}” has no valid server name. Try {example}.",
    ),
    "address_port": QT_TRANSLATE_NOOP(
        "SignIn",
        "The port number in the address must be between 1 and 65535.",
    ),
    "address_plain_http": QT_TRANSLATE_NOOP(
        "SignIn",
        "Use https:// for a server on the network: AdvisorOS sends your password only "
        "over an encrypted connection. (http:// is accepted only for a server on this "
        "computer, such as http://localhost:8000.)",
    ),
    "email_empty": QT_TRANSLATE_NOOP("SignIn", "Enter the email address you sign in with."),
    "email_invalid": QT_TRANSLATE_NOOP("SignIn", "“{email}” is not an email address."),
    "password_empty": QT_TRANSLATE_NOOP("SignIn", "Enter your password."),
    "unreachable": QT_TRANSLATE_NOOP(
        "SignIn",
        "Could not reach {address} — check the address and your connection. (The "
        "connection failed.)",
    ),
    "unreachable_name": QT_TRANSLATE_NOOP(
        "SignIn",
        "Could not reach {address} — check the address and your connection. (No server by "
        "that name was found.)",
    ),
    "unreachable_refused": QT_TRANSLATE_NOOP(
        "SignIn",
        "Could not reach {address} — check the address and your connection. (Nothing "
        "answered at that address and port.)",
    ),
    "unreachable_timeout": QT_TRANSLATE_NOOP(
        "SignIn",
        "Could not reach {address} — check the address and your connection. (The server "
        "did not answer in time.)",
    ),
    "certificate": QT_TRANSLATE_NOOP(
        "SignIn",
        "The server's certificate is not trusted by this computer ({why}). Your password "
        "was not sent. If your firm uses a certificate of its own, ask whoever looks "
        "after your computers to install it, then try again.",
    ),
    "no_secure_connection": QT_TRANSLATE_NOOP(
        "SignIn",
        "A secure connection to {address} could not be set up. Check the address: the "
        "server may not use https:// there.",
    ),
    "unavailable": QT_TRANSLATE_NOOP(
        "SignIn",
        "The server at {address} cannot answer right now (HTTP {status}). Try again in a "
        "few minutes.",
    ),
    "not_advisoros": QT_TRANSLATE_NOOP(
        "SignIn",
        "{address} answered, but it is not an AdvisorOS server. Check the address (your "
        "firm's administrator can give it to you).",
    ),
    "redirected": QT_TRANSLATE_NOOP(
        "SignIn",
        "{address} sends visitors to another address. Type the AdvisorOS server's own "
        "address (your firm's administrator can give it to you).",
    ),
    "wrong_credentials": QT_TRANSLATE_NOOP("SignIn", "The email or password is not right."),
    "account_disabled": QT_TRANSLATE_NOOP(
        "SignIn",
        "{server_says} Ask your firm's AdvisorOS administrator to enable it.",
    ),
    "refused": QT_TRANSLATE_NOOP("SignIn", "The server refused the sign-in: {server_says}"),
    "other_person": QT_TRANSLATE_NOOP(
        "SignIn",
        "That signed in as {signed_in_as}, not {user}. To open another account, use File "
        "→ Switch account….",
    ),
    "failed": QT_TRANSLATE_NOOP("SignIn", "Signing in to {address} failed: {error}"),
}


def failure_text(failure: SignInFailed) -> str:
    """``failure`` said in the language spoken; its English sentence if it has no entry."""
    template = TEXTS.get(failure.reason)
    if template is None:
        return failure.message
    return QCoreApplication.translate("SignIn", template).format(**failure.values)
