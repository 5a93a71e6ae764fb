from payouts.descriptors import statement_descriptor


def test_descriptor_is_at_most_22_characters():
    assert len(statement_descriptor("The Very Long Coffee Roasters Ltd", "po_000123456")) <= 22


def test_descriptor_drops_punctuation():
    assert statement_descriptor("Café & Co.", "po_1234").startswith("NWPAY*CAF CO")
