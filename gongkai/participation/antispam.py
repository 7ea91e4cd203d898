"""Holding back spam and floods on the public forms, with nothing but Django's cache.

Per client address (hashed; the address itself is never stored or logged) and per form:
from the third post in an hour a small sum must be solved; from the tenth, posts are refused
until the hour has passed. A hidden honeypot field catches simple bots, whose posts are
dropped while they are shown the usual thank-you.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 3600
CHALLENGE_AFTER = 2
REFUSE_AFTER = 10
CHALLENGE_MAX_AGE = 1800
HONEYPOT_FIELD = "website"
_SALT = "gongkai.participation.challenge"


def client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return digest[:32]


def _counter(request, scope: str) -> str:
    return f"hudong:{scope}:{client_key(request)}"


def recent_posts(request, scope: str) -> int:
    return cache.get(_counter(request, scope), 0)


def record_post(request, scope: str) -> None:
    key = _counter(request, scope)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW_SECONDS)


def needs_challenge(request, scope: str) -> bool:
    return recent_posts(request, scope) >= CHALLENGE_AFTER


def is_flooding(request, scope: str) -> bool:
    flooding = recent_posts(request, scope) >= REFUSE_AFTER
    if flooding:
        logger.warning(
            "public form %s: posts held back for client %s", scope, client_key(request)[:8]
        )
    return flooding


def honeypot_filled(data, scope: str) -> bool:
    filled = bool(data.get(HONEYPOT_FIELD, "").strip())
    if filled:
        logger.info("public form %s: honeypot filled, post dropped", scope)
    return filled


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str


def new_challenge() -> Challenge:
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    token = signing.dumps({"sum": a + b, "nonce": secrets.token_hex(8)}, salt=_SALT)
    return Challenge(question=f"{a} + {b} = ?", token=token)


def solved(token: str, answer: str) -> bool:
    """The answer is right, the challenge is fresh, and it has not been used before."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=CHALLENGE_MAX_AGE)
    except signing.BadSignature:
        return False
    if answer.strip() != str(data["sum"]):
        return False
    return cache.add(f"hudong:challenge:{data['nonce']}", 1, CHALLENGE_MAX_AGE)
