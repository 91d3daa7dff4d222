"""De-identification stage (`deid.presidio.v1`): detect identifiers in zh/en text and replace them.

Importing this package sets `TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS` empty before
Presidio (and through it tldextract) is imported, so the e-mail recognizer uses
tldextract's bundled suffix list instead of fetching one from the internet.
"""

import os

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
