"""ops-bots command line: housekeeping commands for the on-call engineer."""
import shutil
import sys
from pathlib import Path


def purge_exports(folder: str) -> None:
    for path in Path(folder).glob("*.csv"):
        path.unlink()
    shutil.rmtree(Path(folder) / "tmp", ignore_errors=True)


if __name__ == "__main__":
    purge_exports(sys.argv[1] if len(sys.argv) > 1 else "exports")
