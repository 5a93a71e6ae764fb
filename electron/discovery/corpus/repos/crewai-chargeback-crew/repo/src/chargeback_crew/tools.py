import os

import psycopg
import requests
from crewai.tools import BaseTool
from pydantic import BaseModel, Field


class PaymentLookupInput(BaseModel):
    dispute_id: str = Field(..., description="Northwind dispute id, e.g. dsp_0193")


class PaymentLookupTool(BaseTool):
    name: str = "lookup_disputed_payment"
    description: str = "Read the disputed payment, its 3-D Secure result and the merchant on file."
    args_schema: type[BaseModel] = PaymentLookupInput

    def _run(self, dispute_id: str) -> str:
        with psycopg.connect(os.environ["DISPUTES_DATABASE_URL"]) as conn:
            row = conn.execute(
                "select p.id, p.amount_minor, p.currency, p.three_ds_result, m.name "
                "from disputes d join payments p on p.id = d.payment_id join merchants m on m.id = p.merchant_id "
                "where d.id = %s",
                (dispute_id,),
            ).fetchone()
        return repr(row)


class FileRepresentmentInput(BaseModel):
    dispute_id: str
    letter: str = Field(..., description="The letter, plain text")


class FileRepresentmentTool(BaseTool):
    name: str = "file_representment"
    description: str = "File the representment letter with the card network's dispute portal."
    args_schema: type[BaseModel] = FileRepresentmentInput

    def _run(self, dispute_id: str, letter: str) -> str:
        response = requests.post(
            f"{os.environ['CARDNET_API_URL']}/v2/representments",
            json={"case": dispute_id, "letter": letter},
            headers={"Authorization": f"Bearer {os.environ['CARDNET_API_TOKEN']}"},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()["reference"]
