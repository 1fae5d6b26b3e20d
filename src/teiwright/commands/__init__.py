"""Subcommands of the ``teiwright`` CLI, one module each."""

from __future__ import annotations

import argparse
from typing import Any

Subparsers = Any  # argparse's _SubParsersAction is private; this is what register() receives


def add_command(subparsers: Subparsers, name: str, help_text: str,
                description: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=description
    )
    return parser
