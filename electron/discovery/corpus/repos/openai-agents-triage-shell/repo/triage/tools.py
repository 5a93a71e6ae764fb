import os
import subprocess

import psycopg
from agents import function_tool

DIAGNOSTICS = {
    "dns": ["dig", "+short"],
    "tls": ["openssl", "s_client", "-brief", "-connect"],
    "http": ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{time_total}s", "--max-time", "10"],
}


@function_tool
def run_diagnostic(check: str, target: str) -> str:
    """Run a network diagnostic against a merchant's webhook endpoint.

    Args:
        check: one of "dns", "tls" or "http".
        target: host name (dns), host:port (tls) or URL (http).
    """
    if check not in DIAGNOSTICS:
        return f"unknown check {check!r}"
    completed = subprocess.run([*DIAGNOSTICS[check], target], capture_output=True, text=True, timeout=30)
    return (completed.stdout + completed.stderr)[-4_000:]


@function_tool
def merchant_status(merchant_id: str) -> dict:
    """Return the merchant's plan, webhook URL and the last ten webhook delivery results."""
    with psycopg.connect(os.environ["MERCHANTS_DB_URL"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT plan, webhook_url, payouts_paused FROM merchants WHERE id = %s", (merchant_id,))
        plan, webhook_url, payouts_paused = cur.fetchone()
        cur.execute(
            "SELECT status_code, delivered_at FROM webhook_deliveries WHERE merchant_id = %s "
            "ORDER BY delivered_at DESC LIMIT 10",
            (merchant_id,),
        )
        deliveries = [{"status": row[0], "at": row[1].isoformat()} for row in cur.fetchall()]
    return {"plan": plan, "webhook_url": webhook_url, "payouts_paused": payouts_paused, "deliveries": deliveries}
