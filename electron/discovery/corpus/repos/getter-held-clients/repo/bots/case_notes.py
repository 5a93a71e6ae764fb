"""Summarises a case's notes for an analyst. Its `store` property is the notes table, not a model."""
import os
import sys
from functools import cached_property

import anthropic
import psycopg


class NotesStore:
    def __init__(self, url):
        self.conn = psycopg.connect(url)

    @property
    def messages(self):
        return self

    def create(self, case_id, tools):
        return self.conn.execute("select body from case_notes where case_id = %s and kind = any(%s)", (case_id, tools)).fetchall()


class CaseNotes:
    tools = ["note", "call"]

    def __init__(self):
        self.llm = anthropic.Anthropic()

    @cached_property
    def store(self):
        return NotesStore(os.environ["DATABASE_URL"])

    def summary(self, case_id):
        rows = self.store.messages.create(case_id=case_id, tools=self.tools)
        notes = "\n".join(row[0] for row in rows)
        reply = self.llm.messages.create(model="claude-haiku-4-5", max_tokens=200, messages=[{"role": "user", "content": f"Summarise:\n{notes}"}])
        return reply.content[0].text


if __name__ == "__main__":
    print(CaseNotes().summary(sys.argv[1]))
