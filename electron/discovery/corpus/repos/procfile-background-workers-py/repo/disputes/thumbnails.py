"""Shrinks uploaded dispute evidence images; no model involved."""
import time
from pathlib import Path

from PIL import Image

INBOX = Path("/tmp/evidence-inbox")

if __name__ == "__main__":
    while True:
        for path in INBOX.glob("*.jpg"):
            with Image.open(path) as image:
                image.thumbnail((512, 512))
                image.save(path.with_suffix(".thumb.jpg"))
            path.unlink()
        time.sleep(10)
