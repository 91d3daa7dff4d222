"""corpuskit: raw domain documents → de-identified, labelled, augmented, split, versioned Arrow datasets."""

__version__ = "0.1.0"

from corpuskit.api import build, load  # noqa: E402

__all__ = ["__version__", "build", "load"]
