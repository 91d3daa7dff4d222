"""Parts of the sample-corpus generator (run `python sample_corpora/generate.py`)."""
