from unittest.mock import MagicMock, patch

from onboarding.cleanup_flow import CleanupFlow


@patch("onboarding.cleanup_flow.connect")
def test_nothing_abandoned(connect):
    connect.return_value.__enter__.return_value = MagicMock(execute=MagicMock(return_value=[]))
    flow = CleanupFlow()
    flow.find_abandoned()
    assert flow.state["ids"] == []
