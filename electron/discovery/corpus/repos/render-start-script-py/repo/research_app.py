"""Dispute research API for the Render web service: the graph is built on the first request."""
import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
graph = None


def research_graph():
    # Built lazily: importing the models needs GROQ_API_KEY, which health checks do not.
    global graph
    if graph is None:
        from research_graph import DisputeResearchGraph

        graph = DisputeResearchGraph()
    return graph


@app.route("/health", methods=["GET"])
def health():
    return jsonify({"status": "ok"})


@app.route("/research", methods=["POST"])
def research():
    body = request.get_json(silent=True) or {}
    question = body.get("question")
    if not isinstance(question, str) or not question:
        return jsonify({"error": "'question' must be a non-empty string"}), 400
    try:
        return jsonify(research_graph().answer(question))
    except Exception:
        logging.exception("research failed")
        return jsonify({"error": "research failed"}), 500
