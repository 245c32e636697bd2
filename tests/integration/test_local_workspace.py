"""The local workspace: an embedded server in the data folder with a per-start password."""

from __future__ import annotations

from pathlib import Path

from advisoros_desktop.local_workspace import start_local_workspace


def test_a_second_start_keeps_the_data_and_renews_the_password(tmp_path: Path) -> None:
    first = start_local_workspace(tmp_path, demo=False)
    first.stop()
    second = start_local_workspace(tmp_path, demo=False)
    try:
        assert second.password != first.password
        import httpx

        token = httpx.post(
            second.api_url + "/auth/token", json={"email": second.email, "password": first.password}
        )
        assert token.status_code == 401  # yesterday's password is gone
    finally:
        second.stop()
