import re

MAX_DESCRIPTOR = 22


def statement_descriptor(merchant_name: str, payout_id: str) -> str:
    """What the merchant sees on their bank statement: 'NWPAY*' + name, 22 characters at most."""
    cleaned = re.sub(r"[^A-Z0-9 ]", "", merchant_name.upper()).strip()
    return f"NWPAY*{cleaned}"[: MAX_DESCRIPTOR - len(payout_id[-4:]) - 1] + " " + payout_id[-4:]
