"""Split stage: grouped, stratified, leakage-free splits that stay stable across versions."""
