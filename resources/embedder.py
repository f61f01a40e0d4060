"""The sentence-embedding model behind a small interface, so tests can swap in a fake."""

from __future__ import annotations

import dagster as dg
import numpy as np

from jobfit import embedding


class EmbedderResource(dg.ConfigurableResource):
    """all-MiniLM-L6-v2 from its PyPI package, offline; loaded once per process on first use."""

    batch_size: int = 16

    @property
    def model_version(self) -> str:
        return embedding.MODEL_VERSION

    def embed(self, texts: list[str]) -> np.ndarray:
        return embedding.embed_texts(texts, batch_size=self.batch_size)
