"""Regenerate ``catalog_compiled.py``: the shipped translation catalogs, compiled.

Run ``python -m slagen.formats.catalog_compile`` after editing a shipped
``messages.po`` or upgrading Babel (a test fails until you do). Compiling the
Spanish ``.po`` with ``babel.messages`` costs ~30 ms a run (the import and the
parse); the generated module holds the ``.mo`` bytes Babel writes for it
(fuzzy entries left out, as ``msgfmt`` does) with the SHA-256 of the ``.po``
they came from. :mod:`slagen.formats.i18n` uses them only when the ``.po`` it
finds has that hash, under the same Babel version; any other catalog (an
edited one, a team's own) is compiled as before.

Stage: format.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

from slagen.core.fingerprint import sha256_function
from slagen.formats.locales import LOCALE_BY_LANGUAGE

TARGET = Path(__file__).with_name("catalog_compiled.py")
WIDTH = 96  # bytes of the .mo a line of the generated module

HEADER = '''"""The shipped translation catalogs, compiled to .mo bytes: generated, do not edit.

Regenerate with ``python -m slagen.formats.catalog_compile``.

Stage: format.
"""
# ruff: noqa
# fmt: off

'''


def po_digest(po_bytes: bytes) -> str:
    digest: str = sha256_function()(po_bytes).hexdigest()
    return digest


def compile_po(po_bytes: bytes, lang: str) -> bytes:
    """The ``.mo`` Babel writes for a ``.po`` (fuzzy entries excluded)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(BytesIO(po_bytes), locale=LOCALE_BY_LANGUAGE.get(lang, lang))
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def shipped_catalogs() -> dict[str, Path]:
    from slagen.core.resources import templates_dir

    root = templates_dir() / "locale"
    found = sorted(root.glob("*/LC_MESSAGES/messages.po"))
    return {path.parent.parent.name: path for path in found}


def generate() -> str:
    import babel

    lines = [
        HEADER,
        f"BABEL_VERSION = {babel.__version__!r}\n",
        "CATALOGS: dict[str, tuple[str, bytes]] = {\n",
    ]
    for lang, path in shipped_catalogs().items():
        po_bytes = path.read_bytes()
        mo = compile_po(po_bytes, lang)
        lines.append(f"    {lang!r}: (\n        {po_digest(po_bytes)!r},\n        (\n")
        lines.extend(f"            {mo[i : i + WIDTH]!r}\n" for i in range(0, len(mo), WIDTH))
        lines.append("        ),\n    ),\n")
    lines.append("}\n")
    return "".join(lines)


def main() -> int:
    TARGET.write_text(generate(), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
