"""The sign-in form says each failure in the language spoken, from the same English sentence."""

from __future__ import annotations

from advisoros_desktop.sync import sign_in_texts as english
from advisoros_desktop.sync.server_sign_in import SignInFailed
from advisoros_desktop.ui import sign_in_texts as translated


def test_every_sign_in_sentence_is_marked_for_translation_as_written() -> None:
    assert translated.TEXTS == english.TEXTS


def test_a_failure_is_said_with_its_values() -> None:
    failure = SignInFailed("unreachable_refused", "address", address="https://x.example.com")
    assert translated.failure_text(failure) == failure.message
    assert failure.message == (
        "Could not reach https://x.example.com — check the address and your connection. "
        "(Nothing answered at that address and port.)"
    )


def test_a_reason_without_a_sentence_here_is_said_in_english() -> None:
    failure = SignInFailed("wrong_credentials", "password")
    failure.reason = "something_new"
    assert translated.failure_text(failure) == "The email or password is not right."
