#!/usr/bin/env bash
# Set up .venv and run the whole test suite. The Label Studio tests use the server named by
# LABEL_STUDIO_URL / LABEL_STUDIO_API_KEY when set (.ci/run starts one); otherwise their
# fixture installs Label Studio into .venv-labelstudio and starts a server itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
