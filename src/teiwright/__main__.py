from teiwright.cli import console

console()
