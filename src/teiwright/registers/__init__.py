"""Registers of persons, terms and places: the model, FRUS import, TEI reading and writing.

Importers of FRUS volumes call :func:`register_from_frus` (a volume's ``persons.xml`` and
``terms.xml`` → :class:`Register`, ids kept) and :func:`write_register` or :func:`standoff`.
"""

from teiwright.registers.entry import Person, Place, Register, Role, Term, merged
from teiwright.registers.frus import register_from_frus
from teiwright.registers.reading import load_registers, read_register, register_from_tree
from teiwright.registers.writing import register_tree, standoff, write_register

__all__ = [
    "Person", "Place", "Register", "Role", "Term", "load_registers", "merged", "read_register",
    "register_from_frus", "register_from_tree", "register_tree", "standoff", "write_register",
]
