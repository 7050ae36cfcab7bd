"""mlsys-lint: submission-format validator for ML conference papers."""

__version__ = "0.1.0"
