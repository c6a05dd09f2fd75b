"""The compiled schema check agrees with jsonschema on every case and agreement.

The compiled module may only say "valid" where jsonschema does; every finding
comes from jsonschema. And the shipped module is what the generator makes of
today's schema (regenerate with ``python -m slagen.core.schema_compile``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slagen.core import schema
from slagen.core.errors import AgreementError
from slagen.core.loader import load_file
from slagen.core.schema_compile import TARGET, generate

ROOT = Path(__file__).resolve().parent.parent


def _loadable(path: Path) -> bool:
    # Files the loader refuses (syntax, tags, aliases, limits) never reach the schema check.
    try:
        load_file(path)
    except AgreementError:
        return False
    return True


CORPUS = sorted(
    (
        p
        for p in [*ROOT.glob("tests/cases/**/*.yaml"), *ROOT.glob("agreements/*.yaml")]
        if _loadable(p)
    ),
    key=lambda p: str(p),
)


def test_the_shipped_module_is_up_to_date() -> None:
    assert TARGET.read_text(encoding="utf-8") == generate(), (
        "run: python -m slagen.core.schema_compile"
    )


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_agrees_with_jsonschema(path: Path) -> None:
    doc = load_file(path)
    reference_valid = not any(True for _ in schema._validator().iter_errors(doc.data))
    assert schema._passes_compiled(doc.data) == reference_valid


def test_corpus_has_both_verdicts() -> None:
    verdicts = set()
    for path in CORPUS:
        try:
            doc = load_file(path)
        except Exception:  # noqa: BLE001, S112 - as above
            continue
        verdicts.add(schema._passes_compiled(doc.data))
    assert verdicts == {True, False}


def test_the_compiled_check_never_changes_the_data_it_checks() -> None:
    # fastjsonschema fills in schema defaults unless told not to: that changed every
    # agreement's fingerprint once; the check must only look.
    import copy

    from slagen.core.loader import load_file
    from slagen.core.schema import _passes_compiled

    for path in sorted((Path(__file__).resolve().parent.parent / "agreements").glob("*.yaml")):
        doc = load_file(path)
        before = copy.deepcopy(doc.data)
        assert _passes_compiled(doc.data)
        assert doc.data == before, path.name
