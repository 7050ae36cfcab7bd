from mlsys_lint.cli import console

console()
