from dataclasses import dataclass

HIGH_RISK_MCC = {"4829", "6051", "7995"}


@dataclass(frozen=True)
class Authorisation:
    card_country: str
    merchant_country: str
    mcc: str
    amount_cents: int
    velocity_1h: int


def risk_score(auth: Authorisation) -> int:
    score = 0
    if auth.card_country != auth.merchant_country:
        score += 20
    if auth.mcc in HIGH_RISK_MCC:
        score += 35
    if auth.velocity_1h > 5:
        score += 10 * (auth.velocity_1h - 5)
    if auth.amount_cents > 100_000:
        score += 15
    return min(score, 100)
