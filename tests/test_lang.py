"""Setting the language prints nothing in a notebook (a lesson's first cell has no output)."""

import coursekit as ck


def test_setting_the_language_returns_nothing():
    try:
        assert ck.lang("en") is None
        assert ck.lang() == "en"
    finally:
        ck.lang("id")
    assert ck.lang() == "id"
