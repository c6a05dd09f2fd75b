"""The report's fixed wording in English and Spanish, and its number formats.

The report is a generated table of figures rather than a template, so its few
dozen phrases live here, keyed by role, instead of in the templates' catalog.

Stage: actuals.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from slagen.formats.i18n import format_money, format_number, format_percent

WORDS_BY_KEY: dict[str, tuple[str, str]] = {  # key: (English, Spanish)
    "title": ("Performance against plan", "Desempeño frente al plan"),
    "as_of": ("As of {date}", "Al {date}"),
    "revision": ("revision {number}", "revisión {number}"),
    "actuals": (
        "Actuals: {file}: {rows} rows read, {skipped} skipped, {unknown} in unknown segments",
        "Datos reales: {file}: {rows} filas leídas, {skipped} omitidas, {unknown} de segmentos desconocidos",
    ),
    "ignored": (
        "{after} rows created after the as-of date and {outside} outside the agreement's months are not counted.",
        "No se cuentan {after} filas creadas después de la fecha de corte ni {outside} fuera de los meses del acuerdo.",
    ),
    "excluded": (
        "{count} rows excluded by the mapping (not leads).",
        "{count} filas excluidas por el mapeo (no son leads).",
    ),
    "unknown": (
        (
            "Unknown segments (not counted in any segment or the total): {names}. "
            "The agreement's segments are {known} (id or name, any case)."
        ),
        (
            "Segmentos desconocidos (no cuentan en ningún segmento ni en el total): {names}. "
            "Los segmentos del acuerdo son {known} (id o nombre, sin distinguir mayúsculas)."
        ),
    ),
    "findings": ("Rows skipped or questionable", "Filas omitidas o dudosas"),
    "more_findings": ("… and {count} more", "… y {count} más"),
    "leads": (
        "Marketing leads against leads needed (by lead month)",
        "Leads de marketing frente a leads necesarios (por mes de lead)",
    ),
    "segment": ("Segment", "Segmento"),
    "month": ("Month", "Mes"),
    "total": ("Total", "Total"),
    "group": ("Group: {id}", "Grupo: {id}"),
    "needed": ("Needed", "Necesarios"),
    "delivered": ("Delivered", "Entregados"),
    "delivered_pct": ("% of month", "% del mes"),
    "goal_to_date": ("Goal to date", "Meta a la fecha"),
    "pace": ("Pace", "Ritmo"),
    "sales_sourced": ("Sales-sourced", "Generados por ventas"),
    "to_date": ("to date", "a la fecha"),
    "no_data": ("no data", "sin datos"),
    "goal_rounded": (
        "Goals to date are rounded to whole leads (half up).",
        "Los objetivos a la fecha se redondean a leads enteros (la mitad hacia arriba).",
    ),
    "past_data": (
        "The actuals end on {date}; no condition is judged on the months after it.",
        "Los datos reales terminan el {date}; ninguna condición se evalúa después.",
    ),
    "period": ("Period to date", "Período a la fecha"),
    "focus": ("{month} by segment", "{month} por segmento"),
    "by_segment": ("By segment, period to date", "Por segmento, período a la fecha"),
    "revenue": ("Customers and revenue (by month won)", "Clientes e ingresos (por mes de cierre)"),
    "won": ("Won", "Ganados"),
    "customers_needed": ("Customers needed", "Clientes necesarios"),
    "mkt_revenue": ("Marketing revenue", "Ingresos de marketing"),
    "mkt_goal": ("Marketing goal", "Objetivo de marketing"),
    "revenue_pct": ("% of goal", "% del objetivo"),
    "sales_revenue": ("Sales-sourced revenue", "Ingresos generados por ventas"),
    "follow_up": (
        "Follow-up of marketing leads (by handoff month)",
        "Seguimiento de leads de marketing (por mes de entrega)",
    ),
    "follow_up_terms": (
        "Agreed: first attempt within {within}, at least {attempts} attempts.",
        "Acordado: primer intento en {within}, al menos {attempts} intentos.",
    ),
    "handed_off": ("Handed off", "Entregados a ventas"),
    "average": ("Average", "Promedio"),
    "median": ("Median", "Mediana"),
    "p90": ("90th percentile", "Percentil 90"),
    "on_time": ("On time", "A tiempo"),
    "overdue": ("Overdue, no attempt", "Vencidos sin intento"),
    "attempts_unconnected": ("Avg attempts, not connected", "Intentos promedio, sin conexión"),
    "conditions": (
        "Consequences and cancellation conditions",
        "Consecuencias y condiciones de cancelación",
    ),
    "consequence": ("Consequence", "Consecuencia"),
    "cancellation": ("Cancellation", "Cancelación"),
    "triggered": ("TRIGGERED", "ACTIVADA"),
    "met": ("CONDITION MET", "CONDICIÓN CUMPLIDA"),
    "not_triggered": ("not triggered", "no activada"),
    "streak": ("{streak} of {needed} months", "{streak} de {needed} meses"),
    "streak_one": ("latest complete month", "último mes completo"),
    "below": ("{metric} below {value}", "{metric} por debajo de {value}"),
    "above": ("{metric} above {value}", "{metric} por encima de {value}"),
    "last_months": ("latest complete months", "últimos meses completos"),
    "no_complete": ("no complete month yet", "aún no hay meses completos"),
    "condition": ("Condition", "Condición"),
    "rule": ("Rule", "Regla"),
    "months_judged": ("Months judged", "Meses evaluados"),
    "status": ("Status", "Estado"),
    "for_months": ("for {count} months in a row", "durante {count} meses seguidos"),
    "status_met": ("Met", "Cumplida"),
    "status_not_met": ("Not met", "No cumplida"),
    "status_no_data": ("No data", "Sin datos"),
    "segments_met": ("segments meeting it on their own", "segmentos que la cumplen por sí solos"),
    "segments_triggered": ("triggered on their own", "activada por sí solos"),
    "leads_delivered_pct": ("leads delivered", "leads entregados"),
    "first_attempt_on_time_pct": ("first attempts on time", "primeros intentos a tiempo"),
    "avg_attempts_unconnected": (
        "average attempts on unconnected leads",
        "intentos promedio sin conexión",
    ),
    "revenue_pct_metric": ("marketing revenue", "ingresos de marketing"),
    "recalibration": (
        "Recalibration: observed inputs against the agreed ones",
        "Recalibración: datos observados frente a los del acuerdo",
    ),
    "close_rate": ("Close rate", "Tasa de cierre"),
    "deal_size": ("Deal size", "Tamaño del trato"),
    "share": ("Marketing share", "Participación de marketing"),
    "cycle": ("Sales cycle (months)", "Ciclo de venta (meses)"),
    "observed_agreed": ("{observed} (agreed {agreed})", "{observed} (acordado {agreed})"),
    "too_little": ("too little data", "datos insuficientes"),
    "fragment": (
        "Suggested fragment for the next revision",
        "Fragmento sugerido para la próxima revisión",
    ),
    "frag_head": (
        "Suggested by slagen report from actuals up to {date}.",
        "Sugerido por slagen report con datos reales hasta el {date}.",
    ),
    "frag_review": (
        (
            "Review before use. For revision {number} effective {date}: months before it "
            "keep their signed values (and their lead months, after a sales cycle)."
        ),
        (
            "Revíselo antes de usarlo. Para la revisión {number}, vigente desde el {date}: los "
            "meses anteriores conservan sus valores firmados (y sus meses de leads, tras el ciclo de venta)."
        ),
    ),
    "frag_little": (
        (
            "too little data ({leads} matured leads, {wins} won; need {min_leads} and {min_wins}): "
            "inputs unchanged"
        ),
        (
            "datos insuficientes ({leads} leads maduros, {wins} ganados; se necesitan {min_leads} y "
            "{min_wins}): datos sin cambios"
        ),
    ),
    "frag_funnel": (
        "funnel: observed lead → customer rate {observed} (agreed {agreed}); adjust the stage rates",
        "embudo: tasa lead → cliente observada {observed} (acordada {agreed}); ajuste las tasas de las etapas",
    ),
    "frag_agreed": ("agreed {value}", "acordado {value}"),
    "frag_confirmed": (
        "the actuals confirm the agreed inputs",
        "los datos reales confirman los datos acordados",
    ),
    "chart_pace": (
        "Daily goal line against actual leads, {month}",
        "Línea de meta diaria frente a leads reales, {month}",
    ),
    "chart_pace_segments": (
        "Daily goal line (dashed) against actual leads by segment, {month}",
        "Línea de meta diaria (discontinua) frente a leads reales por segmento, {month}",
    ),
    "chart_delivered": (
        "Marketing leads delivered against needed",
        "Leads de marketing entregados frente a necesarios",
    ),
    "chart_speed": (
        "Hours from handoff to first attempt",
        "Horas desde la entrega hasta el primer intento",
    ),
    "chart_depth": ("Attempts on leads not connected", "Intentos en leads sin conexión"),
    "chart_speed_segments": (
        "Hours to first attempt by segment: average, median, 90th percentile",
        "Horas hasta el primer intento por segmento: promedio, mediana, percentil 90",
    ),
    "chart_on_time_segments": (
        "First attempts on time by segment",
        "Primeros intentos a tiempo por segmento",
    ),
    "goal_line": ("Goal line", "Línea de meta"),
    "actual": ("Actual", "Real"),
    "target": ("Target", "Objetivo"),
    "day": ("Day of month", "Día del mes"),
    "leads_axis": ("Leads", "Leads"),
    "hours_axis": ("Hours", "Horas"),
    "attempts_axis": ("Attempts", "Intentos"),
    "none": ("—", "—"),
}


def word(key: str, lang: str, **values: object) -> str:
    english, spanish = WORDS_BY_KEY[key]
    text = spanish if lang == "es" else english
    return text.format(**values) if values else text


class Formats:
    """Number formats of one report language and currency; ``None`` prints as a dash."""

    def __init__(self, lang: str, currency: str | None) -> None:
        self.lang = lang
        self.currency = currency or "USD"

    def count(self, value: int | Decimal | None, decimals: int | None = None) -> str:
        if value is None:
            return "—"
        return format_number(value, self.lang, decimals=decimals)

    def whole(self, value: int | Decimal | None) -> str:
        """A count people read, rounded half up to a whole number."""
        if value is None:
            return "—"
        return format_number(Decimal(value).quantize(Decimal(1), ROUND_HALF_UP), self.lang)

    def pct(self, value: Decimal | None) -> str:
        return "—" if value is None else format_percent(value, self.lang, decimals=1)

    def money(self, value: Decimal | None) -> str:
        return "—" if value is None else format_money(value, self.currency, self.lang)

    def hours(self, minutes: Decimal | int | None) -> str:
        if minutes is None:
            return "—"
        return format_number(Decimal(minutes) / 60, self.lang, decimals=1, fixed=True) + " h"
