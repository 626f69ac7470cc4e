"""Stage 3, compare: factual slots, divergences inside claims, contradictions inside one source."""
