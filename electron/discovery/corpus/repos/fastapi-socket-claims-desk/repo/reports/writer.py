from pathlib import Path

from reports.drafting import draft_report


def write_report(week: str) -> None:
    Path("out").mkdir(exist_ok=True)
    Path(f"out/claims-{week}.md").write_text(draft_report(week), encoding="utf-8")
