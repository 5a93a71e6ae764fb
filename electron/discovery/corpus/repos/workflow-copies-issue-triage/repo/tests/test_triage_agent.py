from scripts import triage_agent


class FakeIssue:
    labels: list[str] = []

    def add_to_labels(self, *labels):
        self.labels.extend(labels)


def test_run_tool_adds_labels(grade):
    issue = FakeIssue()
    triage_agent.run_tool(issue, "add_labels", {"labels": ["bug", "payouts"]})
    assert grade(issue.labels, "bug")
