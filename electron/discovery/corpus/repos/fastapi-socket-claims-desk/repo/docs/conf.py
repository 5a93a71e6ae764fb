# Sphinx configuration for the claims_llm helpers.
import os
import sys

sys.path.insert(0, os.path.abspath("../libs"))

from claims_llm import __version__

project = "claims_llm"
release = __version__
extensions = ["sphinx.ext.autodoc"]
