"""Change notifications: watchdog's harmless re-registration warning is not shown to anyone."""

from __future__ import annotations

import importlib
import warnings

from advisoros_desktop.intake import change_notifications


def test_the_callback_already_exists_warning_is_silenced() -> None:
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("default")
        importlib.reload(change_notifications)  # installs its filter in this context
        warnings.warn(
            "Callback with id '140469882789904' already exists for watch <Watch>. "
            "It will be Overwritten.",
            RuntimeWarning,
            stacklevel=1,
        )
        warnings.warn("something else", RuntimeWarning, stacklevel=1)
    assert [str(w.message) for w in shown] == ["something else"]
