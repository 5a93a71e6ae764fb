import hashlib
import hmac
import json

from fastapi.testclient import TestClient


def test_rejects_unsigned_webhook(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://localhost:6379/15")
    monkeypatch.setenv("ZENDESK_WEBHOOK_SECRET", "test-secret")
    from disputes.hooks import app

    body = json.dumps({"ticket": {"id": 1, "external_id": "dp_1"}}).encode()
    bad = hmac.new(b"other", body, hashlib.sha256).hexdigest()
    response = TestClient(app).post("/hooks/disputes", content=body, headers={"x-zendesk-webhook-signature": bad})
    assert response.status_code == 401
