"""The agreement fingerprint (docs/signoff.md): SHA-256 of its canonical JSON.

Canonical JSON is the loaded agreement without ``approvals``, keys sorted,
no insignificant whitespace, decimals as their normalized strings and dates
as ISO strings. Comments, key order, quoting and layout of the YAML do not
change it; any change of content does.

Stage: model.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

FINGERPRINT_PREFIX = "sha256:"


@cache
def sha256_function() -> Callable[[bytes], Any]:
    """Python's built-in SHA-256 when it has one, else hashlib's.

    The same digest either way; ``import hashlib`` loads OpenSSL (~2 ms of
    every validate, targets and diff run) for this one hash.
    """
    for name in ("_sha2", "_sha256"):  # Python 3.12+, 3.11
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        function: Callable[[bytes], Any] = module.sha256
        return function
    import hashlib

    return hashlib.sha256


def normalize_decimal(value: Decimal) -> str:
    """``Decimal("12.50")`` → ``"12.5"``; ``Decimal("1E+2")`` → ``"100"``."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _canonical(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, Decimal):
        return normalize_decimal(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot fingerprint a {type(value).__name__}")


def canonical_json(data: Mapping[str, Any]) -> str:
    content = {k: v for k, v in data.items() if k != "approvals"}
    return json.dumps(
        _canonical(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def compute_fingerprint(data: Mapping[str, Any]) -> str:
    """``sha256:<hex>`` of the agreement's canonical JSON (approvals excluded)."""
    digest: str = sha256_function()(canonical_json(data).encode("utf-8")).hexdigest()
    return FINGERPRINT_PREFIX + digest
