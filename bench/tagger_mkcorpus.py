#!/usr/bin/python3
"""Build distinct benchmark text for `tekg tag` from the seed corpus.

Usage: tagger_mkcorpus.py CORPUS_DIR OUT [MIN_CHARS]

The seed corpus is small (a few articles), so its sentences are shuffled
and perturbed: half of the lines are seed sentences with two clauses often
swapped, half are new sentences of two to six clauses taken from different
sentences; in all of them every ASCII digit is redrawn.  Only lines not seen
before are kept, so every output line is distinct and no cache of repeated
input can help; the text stays natural at the word level (no random
characters), which keeps the comparison with jieba fair.  Prints the number of characters
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
    clauses = [c for s in sents for c in re.split(r"[，；：、。！？]", s) if len(c) >= 2]
    ends = "。。。！？"
    seen, total, lines = set(), 0, []
    while total < target:
        if rnd.random() < 0.5:
            # a seed sentence with its digits redrawn and, often, two of its
            # clauses swapped
            text = rnd.choice(sents)
            parts = text.split("，")
            if len(parts) > 2 and rnd.random() < 0.7:
                i = rnd.randrange(len(parts) - 2)
                parts[i], parts[i + 1] = parts[i + 1], parts[i]
                text = "，".join(parts)
        else:
            # a new sentence of two to six clauses from different sentences
            group = [rnd.choice(clauses) for _ in range(rnd.randint(2, 6))]
            text = "，".join(group) + rnd.choice(ends)
        text = "".join(str(rnd.randint(0, 9)) if c.isascii() and c.isdigit() else c
                       for c in text)
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
