"""Writes the weekly claims report; an analyst runs it after the Monday close."""

import sys

from reports.writer import write_report

write_report(sys.argv[1])
