#!/usr/bin/python3
"""Build distinct benchmark text for `tekg tag` from the seed corpus.

Usage: tagger_mkcorpus.py CORPUS_DIR OUT [MIN_CHARS]

The seed corpus is small (a few articles), so its sentences are shuffled,
joined in random groups of one to three and perturbed: digits are redrawn,
about 8 % of the Han characters are replaced by other characters of the
corpus, and clauses are sometimes swapped.  Every output line is distinct,
so no cache of repeated input can help.  Prints the number of characters
written (newlines excluded).  Deterministic (fixed seed).
"""
import os
import random
import re
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    src, out = sys.argv[1], sys.argv[2]
    target = int(sys.argv[3]) if len(sys.argv) > 3 else 1_050_000
    rnd = random.Random(20261125)
    sents = []
    for name in sorted(os.listdir(src)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(src, name), encoding="utf8") as f:
            for para in f:
                para = para.strip()
                for s in re.findall(r"[^。！？]+[。！？]?[”’」』]?", para):
                    if len(s.strip()) >= 4:
                        sents.append(s.strip())
    if not sents:
        sys.exit("no sentences in " + src)
    hans = sorted({c for s in sents for c in s if "\u4e00" <= c <= "\u9fff"})
    seen, total, lines = set(), 0, []
    while total < target:
        group = [rnd.choice(sents) for _ in range(rnd.randint(1, 3))]
        text = "".join(group)
        chars = []
        for c in text:
            if c.isdigit() and c.isascii():
                c = str(rnd.randint(0, 9))
            elif "\u4e00" <= c <= "\u9fff" and rnd.random() < 0.08:
                c = rnd.choice(hans)
            chars.append(c)
        text = "".join(chars)
        if rnd.random() < 0.3:
            parts = text.split("，")
            if len(parts) > 2:
                i = rnd.randrange(len(parts) - 2)
                parts[i], parts[i + 1] = parts[i + 1], parts[i]
                text = "，".join(parts)
        if text in seen:
            continue
        seen.add(text)
        lines.append(text)
        total += len(text)
    with open(out, "w", encoding="utf8") as f:
        for line in lines:
            f.write(line + "\n")
    print(total)


if __name__ == "__main__":
    main()
