from mlsys_lint.cli import entry

entry()
