"""Is MiniLM with int8 weights fast enough to be worth what it changes in the vectors? (issue 7: choose the
quantization by measuring quality too). Run by hand:

    python benchmarks/int8_model.py POSTINGS.jsonl

Quantizes the shipped model's linear layers to int8 with torch's dynamic quantization: all of them, or only the
attention and the feed-forward input (the feed-forward output is the layer that moves the vectors most). Embeds up
to 240 stretches of posting text (600 characters, cut at jobfit's 96 word pieces) three times with each and prints
texts per second (median) and the cosine of each text's vector to the float32 model's (lowest and median).
The vectors' effect on ranking is measured on the labeled categories set (docs/matching.md).
"""

import copy
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from onnx_backend import posting_stretches  # noqa: E402  (this folder is the script's)

from jobfit.embedding import _model  # noqa: E402


def quantized(model, layers: set[str]):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's dynamic quantization is deprecated in favour of torchao
        return torch.ao.quantization.quantize_dynamic(copy.deepcopy(model), layers, dtype=torch.qint8)


def main(postings: str) -> None:
    texts = posting_stretches(postings)
    model = _model()
    linear = [name for name, module in model.named_modules() if isinstance(module, torch.nn.Linear)]
    routes = {
        "float32": model,
        "int8, every linear layer": quantized(model, set(linear)),
        "int8, attention and feed-forward input": quantized(
            model, {n for n in linear if "attention" in n or "intermediate" in n}),
    }
    reference = model.encode(texts, batch_size=32, normalize_embeddings=True)
    for name, route in routes.items():
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            vectors = route.encode(texts, batch_size=32, normalize_embeddings=True)
            runs.append(len(texts) / (time.perf_counter() - started))
        cosine = np.sum(reference * vectors, axis=1)
        print(f"{name:40} {statistics.median(runs):6.1f} texts/s   cosine to float32: lowest {cosine.min():.3f}, "
              f"median {np.median(cosine):.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
