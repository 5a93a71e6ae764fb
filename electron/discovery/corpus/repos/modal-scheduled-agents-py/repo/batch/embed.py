"""Nightly re-embedding of the help-centre articles (no LLM: a local sentence-transformers model)."""
import modal

app = modal.App("help-embeddings")
image = modal.Image.debian_slim().pip_install("sentence-transformers")


@app.function(image=image, gpu="A10G", schedule=modal.Period(days=1))
def reembed():
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer("all-MiniLM-L6-v2")
    return model.encode(["refund policy", "payout schedule"]).shape
