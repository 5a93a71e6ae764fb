from claims_desk.session import ClaimsSession


def test_session_keeps_its_id():
    assert ClaimsSession("s1").session_id == "s1"
