from pydantic import BaseModel


class Dispute(BaseModel):
    id: str
    merchant_id: str
    reason_code: str
    amount_minor: int
    currency: str
    customer_note: str
