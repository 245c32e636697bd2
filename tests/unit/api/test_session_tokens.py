"""Which tokens are current: loaded once, saved on arrival, dropped only if still current."""

from __future__ import annotations

import asyncio
import time

from advisoros_desktop.api.session_tokens import REFRESH_MARGIN_SECONDS, SessionTokens
from advisoros_desktop.api.token_store import MemoryTokenStore, Tokens

KEY = "http://127.0.0.1:8765|ann@example.com"


class CountingStore(MemoryTokenStore):
    def __init__(self) -> None:
        super().__init__()
        self.loads = 0

    def load(self, account_key: str) -> Tokens | None:
        self.loads += 1
        return super().load(account_key)


def test_the_store_is_read_once() -> None:
    store = CountingStore()
    store.save(KEY, Tokens("a", "r", time.time() + 900))
    session = SessionTokens(store, KEY)
    for _ in range(5):
        assert session.current() is not None
    assert store.loads == 1


def test_new_tokens_are_saved_at_once_and_short_ones_renew_at_half_life() -> None:
    store = MemoryTokenStore()
    session = SessionTokens(store, KEY)
    long_lived = Tokens("a1", "r1", time.time() + 900)
    session.keep(long_lived)
    assert store.load(KEY) == long_lived
    assert not session.expiring(long_lived)
    assert session.expiring(Tokens("a", "r", time.time() + REFRESH_MARGIN_SECONDS - 1))
    short = Tokens("a2", "r2", time.time() + 1.0)
    session.keep(short)
    assert not session.expiring(short)  # a 1 s token is still usable for its first half
    assert session.expiring(Tokens("a", "r", time.time() + 0.4))


def test_a_refusal_only_drops_the_tokens_it_was_about() -> None:
    store = MemoryTokenStore()
    session = SessionTokens(store, KEY)
    session.keep(Tokens("new", "r", time.time() + 900))
    session.forget(refused_access="old")  # a sign-in replaced "old" meanwhile
    assert session.current() is not None and store.load(KEY) is not None
    session.forget(refused_access="new")
    assert session.current() is None and store.load(KEY) is None


def test_waiters_are_released_by_the_next_sign_in() -> None:
    session = SessionTokens(MemoryTokenStore(), KEY)

    async def scenario() -> None:
        waiters = [asyncio.create_task(session.wait_for_tokens()) for _ in range(3)]
        await asyncio.sleep(0)
        assert not any(w.done() for w in waiters)
        session.keep(Tokens("a", "r", time.time() + 900))
        session.announce_sign_in()
        await asyncio.wait_for(asyncio.gather(*waiters), 1)
        await asyncio.wait_for(session.wait_for_tokens(), 1)  # signed in: returns at once

    asyncio.run(scenario())
