"""Realistic inputs of growing size: agreements (segments × months) and CRM CSVs."""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "agreements" / "northwind-marketing-sales.yaml"


def _month_end(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    return date(start.year + year, month + 1, 1) - timedelta(days=1)


def agreement(segments: int, months: int, seed: int = 0) -> str:
    """The Northwind agreement with ``segments`` regions over ``months`` months."""
    rng = random.Random(seed * 1000 + segments * 37 + months)
    data: dict[str, Any] = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    start = date(2026, 1, 1)
    data["id"] = f"bench-{segments}s-{months}m-{seed}"
    data["period"] = {"start": start, "end": _month_end(start, months)}
    data["targets"] = {
        "dimension": "region",
        "segments": [
            {
                "id": f"r{n:02d}",
                "name": f"Region {n}",
                "revenue_goal": rng.randrange(50, 400) * 1000,
                "marketing_share": f"{rng.randrange(30, 70)}%",
                "avg_deal_size": rng.randrange(4, 20) * 500,
                "close_rate": f"{rng.randrange(8, 25)}%",
            }
            for n in range(1, segments + 1)
        ],
    }
    data.pop("capacity", None)  # many regions would exceed 14 reps: a finding, not a benchmark
    data.pop("x_crm_dashboard", None)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_agreements(folder: Path, count: int, segments: int = 3, months: int = 12) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(count):
        path = folder / f"bench-{segments}s-{months}m-{seed}.yaml"
        path.write_text(agreement(segments, months, seed), encoding="utf-8")
        paths.append(path)
    return paths


HEADER = [
    "id", "created_at", "segment", "source", "handed_off_at",
    "first_attempt_at", "attempts", "connected", "closed_at", "revenue",
]  # fmt: skip


def write_csv(path: Path, rows: int, segments: int = 3, seed: int = 0) -> Path:
    """A CRM export of ``rows`` leads spread over 2026 and ``segments`` regions."""
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(rows):
            day = start + timedelta(days=rng.randrange(365))
            hour, minute = rng.randrange(8, 18), rng.randrange(60)
            created = f"{day}T{hour:02d}:{minute:02d}"
            won = rng.random() < 0.1
            writer.writerow(
                [
                    f"L{n:07d}",
                    created,
                    f"r{rng.randrange(1, segments + 1):02d}",
                    "marketing",
                    created,
                    f"{day}T{min(hour + 1, 23):02d}:{minute:02d}",
                    rng.randrange(1, 9),
                    "true" if rng.random() < 0.4 else "false",
                    f"{day + timedelta(days=30)}T12:00" if won else "",
                    f"{rng.randrange(2, 30) * 500}.0" if won else "",
                ]
            )
    return path


def revised(text: str) -> str:
    """The next revision of a generated agreement: a new revision number and goals."""
    data: dict[str, Any] = yaml.safe_load(text)
    old = data["revision"]
    data["history"] = [*data.get("history", []), old]
    data["revision"] = {
        "number": old["number"] + 1,
        "date": old["date"] + timedelta(days=30),
        "summary": "Goals of the first region raised by a tenth.",
    }
    first = data["targets"]["segments"][0]
    first["revenue_goal"] = first["revenue_goal"] * 11 // 10
    data.pop("approvals", None)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
