from .agent import screen
from .slack import post_to_slack
from .store import ScreeningStore


async def screen_and_report(dispute: dict) -> None:
    screening = await screen(dispute)
    await ScreeningStore.add(screening)
    await post_to_slack(f"Dispute {screening.dispute_id}: {'likely fraud' if screening.likely_fraud else 'review'}: {screening.summary}")


async def send_digest() -> None:
    screenings = await ScreeningStore.all()
    if not screenings:
        return
    lines = [f"- {s.dispute_id}: {s.summary}" for s in screenings]
    await post_to_slack("Disputes screened since yesterday:\n" + "\n".join(lines))
    await ScreeningStore.clear()
