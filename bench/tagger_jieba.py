#!/usr/bin/python3
"""Time jieba.posseg on FILE (one sentence per line): prints
`chars CPU_SECONDS` for the tagging alone (dictionaries loaded and warmed
up first, so the figure favours jieba)."""
import sys
import time

import jieba
import jieba.posseg as pseg


def main():
    jieba.setLogLevel(60)
    jieba.initialize()
    list(pseg.cut("预热一下词典和模型。"))
    with open(sys.argv[1], encoding="utf8") as f:
        lines = [line.rstrip("\n") for line in f]
    chars = sum(len(line) for line in lines)
    t0 = time.process_time()
    n = 0
    for line in lines:
        for _ in pseg.cut(line):
            n += 1
    t1 = time.process_time()
    print(chars, "%.3f" % (t1 - t0))


if __name__ == "__main__":
    main()
