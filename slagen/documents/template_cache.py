"""Templates compiled once: a Jinja bytecode cache in :mod:`slagen.documents.cache`.

Compiling the shipped templates costs more than rendering them (about 190 ms
against 65 ms for an agreement's Markdown and HTML). Jinja can keep the
compiled code; this cache keys it by

- the template's name and file (a team's override is another entry than the
  shipped template of the same name),
- how the environment compiles: its class (the sandbox), its options and
  extensions, and the Jinja and slagen versions,

and Jinja itself stores the source's checksum with the code and recompiles
when they differ, so an edited template is never served stale. Entries are
written atomically and checked on reading: a damaged one is compiled again.

The sandbox is unaffected: it checks attribute access and calls while the
template runs, through the environment, whatever compiled the code.

Stage: render.
"""

from __future__ import annotations

import marshal
import pickle
from io import BytesIO
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

from slagen import __version__
from slagen.documents.cache import cache_dir, cache_key, read_entry, write_entry

__all__ = ["TemplateCache", "template_cache"]

_KIND = "templates"


class TemplateCache(BytecodeCache):
    """Compiled templates on disk, keyed by how ``environment`` compiles them."""

    def __init__(self, salt: str) -> None:
        self.salt = salt

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return cache_key(self.salt, name, filename or "")

    def load_bytecode(self, bucket: Bucket) -> None:
        data = read_entry(_KIND, bucket.key)
        if data is None:
            return
        try:
            bucket.load_bytecode(BytesIO(data))
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError, MemoryError):
            bucket.reset()  # damaged: Jinja compiles the template again

    def dump_bytecode(self, bucket: Bucket) -> None:
        write_entry(_KIND, bucket.key, bucket.bytecode_to_string())


def template_cache(env: Environment) -> TemplateCache | None:
    """A cache for ``env``'s compiled templates, or None when caching is off or impossible.

    Call it once the environment is configured: its options are the salt.
    """
    if cache_dir(_KIND) is None:
        return None
    try:
        # How the environment is set up, for changes made between two versions.
        setup = (Path(__file__).parent / "environment.py").read_bytes()
    except OSError:
        return None
    settings: list[str | bytes] = [
        setup,
        f"slagen {__version__}",
        f"jinja2 {jinja2.__version__}",
        f"marshal {marshal.version}",
        f"{type(env).__module__}.{type(env).__qualname__}",
        f"sandboxed={getattr(env, 'sandboxed', False)}",
        ",".join(sorted(env.extensions)),
        repr(
            (
                env.block_start_string,
                env.block_end_string,
                env.variable_start_string,
                env.variable_end_string,
                env.comment_start_string,
                env.comment_end_string,
                env.line_statement_prefix,
                env.line_comment_prefix,
                env.trim_blocks,
                env.lstrip_blocks,
                env.newline_sequence,
                env.keep_trailing_newline,
                env.optimized,
                getattr(env, "newstyle_gettext", False),
                getattr(env, "intercepted_binops", ()),
                getattr(env, "intercepted_unops", ()),
                env.is_async,
            )
        ),
    ]
    return TemplateCache(cache_key(*settings))
