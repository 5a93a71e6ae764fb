import os

from dotenv import load_dotenv

from src.chargeback_crew.crew import ChargebackCrew

load_dotenv()

dispute_id = os.environ.get("DISPUTE_ID", "dsp_0193")
print(f"Preparing the representment for {dispute_id}...")
result = ChargebackCrew().crew().kickoff(inputs={"dispute_id": dispute_id})
print(result.raw)
