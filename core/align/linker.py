"""The learned weights of the pair linker and its thresholds (written by bench/fit_linker.py)."""

LINKER = {
    "features": ["cosine", "best_ratio", "mutual_best", "names", "figures", "counts", "bigrams", "quotes", "chars", "position", "lead", "short", "phrase_only", "coverage", "rare"],
    "weights": [0.9651, 1.4718, -0.2464, 0.1595, 1.7983, 1.0368, 0.7025, 0.1077, 1.1638, 1.0579, 0.5788, -0.8496, 0.3494, 1.6323, 0.9017],
    "bias": -4.0451,
    "link": 0.5,
    "join": 0.3,
    "extend": 0.3,
}
