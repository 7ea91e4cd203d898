"""Abuse guards of the public application form, on Django's cache, with no outside service.

Posts are counted per client address (kept only as a keyed hash) for an hour from the first: after a few,
an arithmetic question is asked; after many, posting stops for the hour with a message.
"""

import secrets
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 3600
CHALLENGE_AFTER = 3  # posts in the window before the arithmetic question is asked
BLOCK_AFTER = 20  # posts in the window after which posting stops until the window passes
CHALLENGE_SECONDS = 900


def client_key(request) -> str:
    """The client address as a keyed hash (REMOTE_ADDR: set it right behind a reverse proxy)."""
    address = request.META.get("REMOTE_ADDR", "")
    return salted_hmac("gongkai.info_requests.throttle", address).hexdigest()[:32]


def _posts_key(client: str) -> str:
    return f"ysq:posts:{client}"


def posts(client: str) -> int:
    return cache.get(_posts_key(client), 0)


def count_post(client: str) -> int:
    key = _posts_key(client)
    if cache.add(key, 1, WINDOW_SECONDS):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        return 1


def blocked(client: str) -> bool:
    return posts(client) >= BLOCK_AFTER


def needs_challenge(client: str) -> bool:
    return posts(client) >= CHALLENGE_AFTER


@dataclass(frozen=True)
class Challenge:
    token: str
    question: str


def new_challenge() -> Challenge:
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    token = secrets.token_urlsafe(16)
    cache.set(f"ysq:challenge:{token}", a + b, CHALLENGE_SECONDS)
    return Challenge(token=token, question=f"{a} + {b} = ?")


def challenge_passed(token: str, answer: int | None) -> bool:
    """Each question may be answered once."""
    if not token or answer is None:
        return False
    key = f"ysq:challenge:{token}"
    expected = cache.get(key)
    cache.delete(key)
    return expected is not None and expected == answer
