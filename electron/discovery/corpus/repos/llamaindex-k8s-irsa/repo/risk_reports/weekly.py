from datetime import date

from risk_reports.agent import build_agent


def main() -> None:
    week = date.today().strftime("%G-W%V")
    agent = build_agent()
    agent.chat(
        f"Review the risk signals for {week}. For every merchant with a signal score above 0.7, compare it with "
        "their underwriting file and write a report. Then purge expired reports."
    )


if __name__ == "__main__":
    main()
