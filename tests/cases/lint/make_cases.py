"""Regenerate the lint cases from the Northwind example: python tests/cases/lint/make_cases.py

Each `<code>.fail.yaml` breaks exactly the rule named by its file; each `<code>.pass.yaml` is a
near miss that the rule must accept. The Northwind example itself passes every rule.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
BASE = HERE.parents[2] / "agreements" / "northwind-marketing-sales.yaml"
yaml = YAML()
yaml.width = 100


def _drop(items: list[Any], keep: Callable[[Any], bool]) -> None:
    items[:] = [i for i in items if keep(i)]


def no_metric(d: Any) -> None:
    del d["objectives"][0]["metric"]


def has_metric(d: Any) -> None:
    d["objectives"][0]["metric"] = "MQLs delivered"


def no_target(d: Any) -> None:
    del d["objectives"][0]["target"]


def unmeasured(d: Any) -> None:
    d["objectives"][1]["metric"] = "Webinar attendance"


def due_after_period(d: Any) -> None:
    d["objectives"][2]["due"] = "2027-03-31"


def due_inside_period(d: Any) -> None:
    d["objectives"][2]["due"] = "2026-06-30"


def measured_by_report(d: Any) -> None:
    d["objectives"][1]["metric"] = "Webinar attendance"
    d["reports"][2]["content"] = "Webinar attendance by region, and the MQL scorecard."


def no_need(d: Any) -> None:
    _drop(d["needs"], lambda n: n["party"] != "sales")


def no_mql(d: Any) -> None:
    _drop(d["definitions"], lambda t: "qualified" not in t["term"] and "accepted" not in t["term"])


def mql_in_spanish(d: Any) -> None:
    no_mql(d)
    d["definitions"].insert(
        0, {"term": "Lead cualificado", "text": "Un contacto del perfil ideal."}
    )


def no_connection(d: Any) -> None:
    _drop(d["definitions"], lambda t: t["term"] != "Connection")


def no_owner(d: Any) -> None:
    del d["consequences"][0]["owner"]


def no_threshold(d: Any) -> None:
    d["consequences"].append(
        {"trigger": "Marketing sends poor leads", "action": "Both teams talk.", "owner": "sales"}
    )


def threshold_in_text(d: Any) -> None:
    d["consequences"].append(
        {
            "trigger": "More than 20% of MQLs rejected in a month",
            "action": "Review.",
            "owner": "sales",
        }
    )


def no_follow_up(d: Any) -> None:
    del d["follow_up"]
    del d["capacity"]


def no_targets(d: Any) -> None:
    del d["targets"]
    del d["capacity"]
    for key in ("consequences", "cancellation"):
        for item in d[key]:
            item.pop("when", None)
            if key == "consequences":
                item["trigger"] = str(item["trigger"]) + " (more than 10%)"


def slow_report(d: Any) -> None:
    _drop(d["meetings"], lambda m: "Weekly" in m["name"])


CASES: dict[str, Callable[[Any], None]] = {
    "lint-objective-no-metric.fail": no_metric,
    "lint-objective-no-metric.pass": has_metric,
    "lint-objective-no-target.fail": no_target,
    "lint-objective-due-outside-period.fail": due_after_period,
    "lint-objective-due-outside-period.pass": due_inside_period,
    "lint-objective-unmeasured.fail": unmeasured,
    "lint-objective-unmeasured.pass": measured_by_report,
    "lint-party-no-need.fail": no_need,
    "lint-no-qualified-lead-definition.fail": no_mql,
    "lint-no-qualified-lead-definition.pass": mql_in_spanish,
    "lint-no-connection-definition.fail": no_connection,
    "lint-consequence-no-owner.fail": no_owner,
    "lint-consequence-unmeasurable.fail": no_threshold,
    "lint-consequence-unmeasurable.pass": threshold_in_text,
    "lint-targets-without-follow-up.fail": no_follow_up,
    "lint-follow-up-without-targets.fail": no_targets,
    "lint-report-slower-than-meeting.fail": slow_report,
}


def main() -> None:
    base = yaml.load(BASE.read_text(encoding="utf-8"))
    for name, change in CASES.items():
        data = copy.deepcopy(base)
        change(data)
        out = io.StringIO()
        yaml.dump(data, out)
        (HERE / f"{name}.yaml").write_text(out.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    main()
