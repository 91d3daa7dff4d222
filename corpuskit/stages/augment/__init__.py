"""Augment stage: span-preserving, label-checked variants and adversarial sets (zh + en)."""
