"""Annotate: Label Studio round trip (push, pull, offline files), agreement, weak labels."""
