#!/usr/bin/env python3
"""Derives German masculine person nouns from Debian's hunspell-de-de dictionary.

A capitalised entry X is taken as a masculine person noun when the dictionary
also knows its feminine form (X + "in", X - "e" + "in", or with umlaut: Arzt/Ärztin),
either as its own entry or through the feminine affix flag F. The hunspell flags
give the declension: S/T genitive -s/-es, P -en, N -n, E -e.

Usage: hunspell_person_nouns.py /usr/share/hunspell/de_DE.dic > data/lexicon/de/person_nouns_hunspell.tsv
Output columns (tab-separated): lemma, genitive singular, dative/accusative singular,
nominative plural, dative plural, feminine singular, flags ("place": derived from a
place name, so also an adjective as in "Berliner Tafel").
Source: igerman98 / hunspell-de-de 20161207 (Björn Jacke), GPL-2 or GPL-3.
"""
import sys

UML = {"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"}


def load(path):
    entries = {}
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i == 0:
                continue
            line = line.strip()
            if not line or line.startswith(("#", "\t")):
                continue
            word, _, flags = line.partition("/")
            if not word[:1].isupper() or " " in word or "-" in word or "." in word:
                continue
            entries.setdefault(word, set()).update(flags)
    return entries


def feminine_of(word):
    """The F affix of de_DE.aff for lowercase -in forms."""
    if word.endswith("in"):
        return word
    if word.endswith("e"):
        return word[:-1] + "in"
    if word.endswith("ierer"):
        return word + "in"
    if word.endswith("erer"):
        return word[:-2] + "in"
    return word + "in"


def de_umlaut(stem):
    """All variants of stem with one umlaut removed (Ärzt -> Arzt, Bäuer -> Bauer)."""
    out = []
    for i, ch in enumerate(stem):
        if ch in UML:
            base = UML[ch]
            if ch in "äÄ" and i + 1 < len(stem) and stem[i + 1] == "u":
                pass  # äu -> au
            out.append(stem[:i] + base + stem[i + 1:])
    return out


def declension(lemma, flags, entries):
    weak = not (flags & {"S", "T"}) and bool(flags & {"P", "N"})
    if weak:
        oblique = lemma + ("n" if lemma.endswith("e") else "en")
        return oblique, oblique, oblique, oblique
    gen = lemma + ("es" if "T" in flags and "S" not in flags else "s")
    if "E" in flags:
        pl = lemma + "e"
    elif "P" in flags:
        pl = lemma + "en"
    elif "N" in flags:
        pl = lemma if lemma.endswith(("er", "el", "en")) else lemma + "n"
    else:
        pl = None
        for cand in [lemma + "e"] + [u + "e" for u in umlaut_variants(lemma)] + [lemma + "s", lemma + "en"]:
            if cand in entries:
                pl = cand
                break
        if pl is None and "S" in flags:
            pl = lemma + "s"
        if pl is None:
            return None
    pl_dat = pl if pl.endswith(("n", "s")) else pl + "n"
    return gen, lemma, pl, pl_dat


def umlaut_variants(word):
    out = []
    rev = {"a": "ä", "o": "ö", "u": "ü"}
    # umlaut the last full vowel (Arzt -> Ärzt, Koch -> Köch, Anwalt -> Anwält)
    for i in range(len(word) - 1, -1, -1):
        ch = word[i].lower()
        if ch in rev:
            if ch == "u" and i > 0 and word[i - 1].lower() == "a":
                i -= 1
                ch = "a"
            rep = rev[ch]
            if word[i].isupper():
                rep = rep.upper()
            out.append(word[:i] + rep + word[i + 1:])
            break
    return out


def is_place_word(lemma, entries):
    """Berliner, Münchner, Schweizer: derived from a proper name (S flag, no plural flags)."""
    if not lemma.endswith("er"):
        return False
    bases = [lemma[:-2], lemma[:-3] + "en", lemma[:-2] + "a"]
    bases += de_umlaut(lemma[:-2])
    for base in bases:
        flags = entries.get(base)
        if flags is not None and "S" in flags and not flags & {"P", "N", "E", "F", "R", "T"}:
            return True
    return False


def main():
    entries = load(sys.argv[1])
    feminines = set()
    for word, flags in entries.items():
        if "F" in flags:
            feminines.add(feminine_of(word))
        if word.endswith("in") and len(word) > 4 and "F" in flags:
            feminines.add(word)
    rows = {}
    for fem in feminines:
        stem = fem[:-2]
        cands = de_umlaut(stem) + [stem, stem + "e", stem + "er"] + [s + "e" for s in de_umlaut(stem)]
        for masc in cands:
            if masc not in entries or masc == fem or masc.endswith("in"):
                continue
            flags = entries[masc]
            if masc.endswith(("mitglieder", "mitglied")):
                continue  # Mitglied is neuter and already neutral
            decl = declension(masc, flags, entries)
            if decl is None:
                continue
            if masc in rows:
                continue
            rows[masc] = (masc,) + decl + (fem, "place" if is_place_word(masc, entries) else "")
            break
    for masc in sorted(rows):
        print("\t".join(rows[masc]))


if __name__ == "__main__":
    main()
