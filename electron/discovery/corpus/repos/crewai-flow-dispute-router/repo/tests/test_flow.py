from unittest.mock import patch

from dispute_flow.main import DisputeFlow


@patch("dispute_flow.main.new_disputes", return_value=[])
def test_empty_queue_routes_to_service(_):
    flow = DisputeFlow()
    flow.load_disputes()
    assert flow.classify() == "service"
