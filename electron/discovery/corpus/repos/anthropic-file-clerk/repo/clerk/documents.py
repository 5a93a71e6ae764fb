import shutil
from pathlib import Path

from pypdf import PdfReader

INBOX = Path("/srv/statements/inbox")
ARCHIVE = Path("/srv/statements/archive")


def list_inbox() -> list[str]:
    return sorted(p.name for p in INBOX.glob("*.pdf"))


def read_document(name: str, max_chars: int = 12_000) -> str:
    reader = PdfReader(INBOX / name)
    return "\n".join(page.extract_text() or "" for page in reader.pages)[:max_chars]


def file_document(name: str, merchant_id: str, period: str, doc_type: str) -> str:
    if doc_type not in {"bank-statement", "merchant-statement", "invoice"}:
        return f"unknown document type {doc_type!r}"
    target_dir = ARCHIVE / merchant_id / period
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{doc_type}-{name}"
    shutil.move(INBOX / name, target)
    (target_dir / "index.txt").open("a", encoding="utf-8").write(f"{target.name}\t{doc_type}\n")
    return str(target.relative_to(ARCHIVE))
