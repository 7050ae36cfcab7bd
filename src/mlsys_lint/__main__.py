from mlsys_lint.cli import main

main()
