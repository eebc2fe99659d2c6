"""The registry of sub-commands: every part listed in PARTS imports and registers its commands, each
of which runs a function; no two parts claim one name; a part with register() is listed."""

from __future__ import annotations

import argparse
import ast
from importlib import import_module
from pathlib import Path

import pytest

import coursekit
from coursekit import commands
from coursekit.cli import build_parser

PACKAGE = Path(coursekit.__file__).parent
OWN = {"list", "show", "check"}  # the cli's own commands


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def leaves(parser: argparse.ArgumentParser, path: tuple = ()):
    """(command words, parser) for every command a user can run, nested ones included."""
    nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not nested:
        yield path, parser
        return
    for name, sub in nested[0].choices.items():
        yield from leaves(sub, (*path, name))


def fresh():
    parser = argparse.ArgumentParser(prog="coursekit")
    return parser, parser.add_subparsers(dest="command")


@pytest.mark.parametrize("name", commands.PARTS)
def test_each_part_imports_and_registers_runnable_commands(name):
    parser, sub = fresh()
    import_module(name).register(sub)
    found = list(leaves(parser))
    assert found, f"{name} registered no command"
    for words, leaf in found:
        assert callable(leaf.get_default("run")), f"coursekit {' '.join(words)} ({name}) runs nothing"


def test_no_two_parts_claim_one_name():
    owner: dict[str, str] = {}
    for name in commands.PARTS:
        parser, sub = fresh()
        import_module(name).register(sub)
        for command in subcommands(parser):
            assert command not in OWN, f"{name} takes the cli's own command {command!r}"
            assert command not in owner, f"{command!r}: {owner.get(command)} and {name}"
            owner[command] = name


def test_register_adds_every_part_in_order():
    parser, sub = fresh()
    commands.register(sub)
    expected = []
    for name in commands.PARTS:
        one, part = fresh()
        import_module(name).register(part)
        expected += list(subcommands(one))
    assert list(subcommands(parser)) == expected
    assert {"build", "grade", "export", "lite", "handouts"} <= set(expected)


def test_the_command_line_offers_the_parts_commands_after_its_own():
    names = list(subcommands(build_parser()))
    assert names[:3] == ["list", "show", "check"]
    parser, sub = fresh()
    commands.register(sub)
    assert names[3:] == list(subcommands(parser))


def test_every_module_with_register_is_listed():
    listed = set(commands.PARTS)
    for path in PACKAGE.rglob("*.py"):
        if path.name == "commands.py" and path.parent == PACKAGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(n, ast.FunctionDef) and n.name == "register" for n in tree.body):
            module = ".".join(("coursekit", *path.relative_to(PACKAGE).with_suffix("").parts))
            assert module in listed, f"{module} defines register() but is not in commands.PARTS"
