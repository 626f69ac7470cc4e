"""The learned weights of the pair linker and its thresholds (written by bench/fit_linker.py)."""

LINKER = {
    "features": ["cosine", "best_ratio", "mutual_best", "names", "figures", "counts", "bigrams", "quotes", "chars", "position", "lead", "short", "phrase_only", "coverage", "rare"],
    "weights": [0.7382, 1.4776, -0.2837, 0.1109, 1.9302, 0.5823, 0.7728, 0.1093, 1.0755, 1.216, 0.3512, -0.8714, 0.374, 2.0702, 0.896],
    "bias": -4.1846,
    "link": 0.45,
    "join": 0.27,
    "extend": 0.27,
}
