"""The generated fast validators match the schemas."""

from coursekit.content import codegen


def test_generated_validators_are_fresh():
    assert codegen.stale() == [], "run: python -m coursekit.content.codegen"
