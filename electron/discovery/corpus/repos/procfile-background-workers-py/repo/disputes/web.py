from flask import Flask, jsonify

from disputes.db import connect

app = Flask(__name__)


@app.get("/disputes/<dispute_id>")
def dispute(dispute_id: str):
    with connect() as conn:
        row = conn.execute("SELECT id, status, summary FROM disputes WHERE id = %s", (dispute_id,)).fetchone()
    return jsonify(row and {"id": row[0], "status": row[1], "summary": row[2]})
