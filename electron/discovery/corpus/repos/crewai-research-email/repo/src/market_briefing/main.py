from datetime import date

from market_briefing.crew import MarketBriefingCrew


def run() -> None:
    MarketBriefingCrew().crew().kickoff(
        inputs={"corridors": "EUR/GBP, EUR/PLN, GBP/PLN", "date": date.today().isoformat()}
    )


if __name__ == "__main__":
    run()
