"""The package version: a constant, so importing never reads package metadata."""

__version__ = "0.1.0"
