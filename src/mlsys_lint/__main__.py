from mlsys_lint.console import console

console()
