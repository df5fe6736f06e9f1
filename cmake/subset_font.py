#!/usr/bin/env python3
"""Subsets a CJK font for the web app: every character of GB2312, printable ASCII and Latin-1,
common punctuation, and every character used in our string tables, so no UI text can miss a glyph.
usage: subset_font.py FONT STRINGS_TSV OUT.ttf"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont


def gb2312_chars():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def main():
    font_path, tsv_path, out_path = sys.argv[1:4]
    wanted = gb2312_chars()
    wanted.update(chr(c) for c in range(0x20, 0x7F))
    wanted.update(chr(c) for c in range(0xA0, 0x100))
    wanted.update("“”‘’…—–·•→←↑↓✓×÷≤≥％（）【】《》〈〉「」『』、。，；：？！￥")
    with open(tsv_path, encoding="utf-8") as f:
        for line in f:
            wanted.update(ch for ch in line if ch not in "\t\r\n")
    font = TTCollection(font_path).fonts[0] if font_path.lower().endswith(".ttc") else TTFont(font_path)
    cmap = font.getBestCmap()
    missing = sorted(ch for ch in wanted if ord(ch) not in cmap and ch.isprintable() and ch != " ")
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(ch) for ch in wanted if ord(ch) in cmap])
    subsetter.subset(font)
    font.save(out_path)
    print(f"font subset: {len([c for c in wanted if ord(c) in cmap])} characters; "
          f"{len(missing)} not in the font: {''.join(missing[:20])}")


if __name__ == "__main__":
    main()
