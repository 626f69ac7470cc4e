"""The learned weights of the pair linker and its thresholds (written by bench/fit_linker.py)."""

LINKER = {
    "features": ["cosine", "best_ratio", "mutual_best", "names", "figures", "counts", "bigrams", "quotes", "chars", "position", "lead", "short", "phrase_only", "coverage", "rare"],
    "weights": [1.0139, 1.2708, -0.2612, 0.4607, 1.8115, 1.1385, 0.6031, -0.2208, 1.7817, 0.9, 0.8809, -0.8463, 0.1281, 1.4161, 0.9613],
    "bias": -3.7735,
    "link": 0.4,
    "join": 0.35,
    "extend": 0.3,
}
