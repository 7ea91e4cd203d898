"""Precision, recall and throughput of the personal-information detector on the corpus.

    python -m bench.pii.run [--docs N] [--seed S] [--mb M] [--show K]

A finding counts when its kind and its exact span (start, end) equal a gold span; the
overlap figures (same kind, spans intersect) are printed beside for reference.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Iterable

from bench.pii.corpus import Document, generate
from gongkai.rules.pii import KIND_LABELS, find_personal_info

TARGET_RECALL = {"id_card": 0.99, "mobile": 0.99, "bank_card": 0.99, "name": 0.95}
TARGET_PRECISION = 0.97


def score(docs: Iterable[Document], *, overlap: bool = False, misses: list | None = None) -> dict:
    """{kind: (true positives, false positives, false negatives)}."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for doc in docs:
        found = find_personal_info(doc.text)
        gold = set(doc.spans)
        for f in found:
            if _match(f.kind, f.start, f.end, gold, overlap):
                tp[f.kind] += 1
            else:
                fp[f.kind] += 1
                if misses is not None:
                    misses.append(("FP", doc, f.kind, f.start, f.end))
        for kind, start, end in gold:
            if not any(
                _match(kind, start, end, {(f.kind, f.start, f.end)}, overlap) for f in found
            ):
                fn[kind] += 1
                if misses is not None:
                    misses.append(("FN", doc, kind, start, end))
    return {k: (tp[k], fp[k], fn[k]) for k in KIND_LABELS}


def _match(kind: str, start: int, end: int, gold: set, overlap: bool) -> bool:
    if not overlap:
        return (kind, start, end) in gold
    return any(k == kind and s < end and start < e for k, s, e in gold)


def ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def throughput(docs: list[Document], megabytes: float) -> tuple[float, float, float]:
    """(MB/s, million chars/s, MB scanned) on one core: this process's single thread scans the
    documents one by one, repeated to ``megabytes``. Only scanning is timed (the corpus is
    generated and encoded beforehand), in CPU time, so waiting for the CPU while other work
    runs does not count, though sharing the core's caches with it still slows it down."""
    sizes = [len(d.text.encode("utf-8")) for d in docs]
    texts = [d.text for d in docs]
    target, scanned, chars = megabytes * 1_000_000, 0, 0
    corpus_bytes, corpus_chars = sum(sizes), sum(map(len, texts))
    started = time.process_time()
    while scanned < target and texts:
        for text in texts:
            find_personal_info(text)
        scanned += corpus_bytes
        chars += corpus_chars
    elapsed = time.process_time() - started
    return scanned / 1e6 / elapsed, chars / 1e6 / elapsed, scanned / 1e6


# Shapes of the corpus by layout, for the speed of each (tables cost the most per byte).
SHAPE_GROUPS = (
    (
        "tables",
        (
            "assistance_list",
            "subsidy_list",
            "hiring_list",
            "flattened_table",
            "travel_documents",
            "company_list",
        ),
    ),
    ("lists and records", ("gongshi_lines", "application_record")),
    ("prose", ("notice", "policy", "news")),
)


def _show(misses: list, limit: int) -> None:
    for tag, doc, kind, start, end in misses[:limit]:
        line_start = doc.text.rfind("\n", 0, start) + 1
        line_end = doc.text.find("\n", end)
        line = doc.text[line_start : line_end if line_end >= 0 else None]
        print(f"{tag} {kind:16} {doc.text[start:end]!r:32} {doc.shape:18} | {line[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="个人信息识别基准测试")
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--seed", type=int, default=20240301)
    parser.add_argument("--mb", type=float, default=20.0, help="MB of text to scan for speed")
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)

    docs = generate(args.docs, seed=args.seed)
    misses: list = []
    exact = score(docs, misses=misses)
    loose = score(docs, overlap=True)
    ok = True
    print(f"{len(docs)} documents, seed {args.seed}; exact-span match (overlap match in brackets)")
    print(f"{'kind':16} {'gold':>6} {'precision':>18} {'recall':>18}")
    for kind, (tp, fp, fn) in exact.items():
        ltp, lfp, lfn = loose[kind]
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        flag = ""
        if p < TARGET_PRECISION or r < TARGET_RECALL.get(kind, 0.0):
            flag, ok = "  below target", False
        print(
            f"{kind:16} {tp + fn:6d} {p:9.4f} ({ratio(ltp, ltp + lfp):.4f}) "
            f"{r:9.4f} ({ratio(ltp, ltp + lfn):.4f}){flag}"
        )
    corpus_mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    mb_s, mchar_s, scanned = throughput(docs, args.mb)
    print(
        f"throughput on one core (one process, one thread; CPU time of scanning only; corpus "
        f"{corpus_mb:.2f} MB in {len(docs)} documents, repeated):"
    )
    print(f"  whole corpus: {mb_s:.1f} MB/s UTF-8 ({mchar_s:.2f} M chars/s) over {scanned:.1f} MB")
    for label, shapes in SHAPE_GROUPS:
        part = [d for d in docs if d.shape in shapes]
        part_mb = sum(len(d.text.encode("utf-8")) for d in part) / 1e6
        part_mb_s, _, _ = throughput(part, args.mb / 4)
        print(f"  {label} ({len(part)} documents, {part_mb:.2f} MB): {part_mb_s:.1f} MB/s")
    if mb_s < 10:
        ok = False
    if args.show:
        _show(misses, args.show)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
