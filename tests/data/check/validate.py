#!/usr/bin/env python3
"""Checks the checker test data (tests/data/check/*.jsonl and holdout/*.jsonl) for format errors.

Usage: python3 tests/data/check/validate.py [FILE...]
       (default: every *.jsonl beside this script and in its holdout/ folder)
Exit 0 when all files are valid, 1 otherwise. Prints per-file counts per rule.
"""
import collections, glob, json, os, re, sys

# Rule ids as documented in docs/checker.md.
PLAIN = {'plain.sentence-length', 'plain.passive', 'plain.nominal-style', 'plain.long-word'}
CONTEXT = {'context.missing-role', 'context.missing-audience', 'context.missing-language-level',
           'context.missing-bias-check'}
RULES = {
    'de': {'inclusive.generic-masculine'} | PLAIN | CONTEXT,
    'en': {'inclusive.gendered-term', 'inclusive.othering', 'inclusive.generic-pronoun'} | PLAIN | CONTEXT,
}
# style and prompt are read by tests/check/check_cases.cc (--style, --prompt).
KEYS = {'text', 'lang', 'findings', 'note', 'style', 'prompt'}
STYLES = {'colon', 'star', 'pair', 'neutral'}


def whole_word_count(text, needle):
    # A finding must stand as a whole word: no letter, digit or underscore directly before or after it.
    return len(re.findall(r'(?<!\w)' + re.escape(needle) + r'(?!\w)', text))


def check(path):
    errors, seen = [], set()
    counts = collections.Counter()
    with open(path, 'rb') as f:
        raw = f.read()
    try:
        content = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        return [f'{path}: not UTF-8 at byte {e.start}'], counts
    for n, line in enumerate(content.split('\n'), 1):
        if line == '':
            continue
        where = f'{path}:{n}'
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f'{where}: invalid JSON: {e}')
            continue
        if not isinstance(row, dict) or not {'text', 'lang', 'findings'} <= row.keys() or row.keys() - KEYS:
            errors.append(f'{where}: keys must be text, lang, findings and optional note, style, prompt')
            continue
        text, lang, findings = row['text'], row['lang'], row['findings']
        if lang not in RULES:
            errors.append(f'{where}: unknown lang {lang!r}')
            continue
        if not isinstance(text, str) or not text.strip() or text != text.strip():
            errors.append(f'{where}: text must be a non-empty string without outer whitespace')
            continue
        key = (text, row.get('style', 'colon'))  # the same text in another style is another case
        if key in seen:
            errors.append(f'{where}: duplicate text')
        seen.add(key)
        if 'note' in row and not (isinstance(row['note'], str) and row['note'].strip()):
            errors.append(f'{where}: note must be a non-empty string')
        if 'prompt' in row and not isinstance(row['prompt'], bool):
            errors.append(f'{where}: prompt must be true or false')
        if 'style' in row and row['style'] not in STYLES:
            errors.append(f'{where}: style must be one of {sorted(STYLES)}')
        if not isinstance(findings, list):
            errors.append(f'{where}: findings must be a list')
            continue
        wanted = collections.Counter()
        for fd in findings:
            if not isinstance(fd, dict) or 'rule' not in fd or fd.keys() - {'rule', 'text', 'suggestions', 'labels'}:
                errors.append(f'{where}: each finding is {{"rule": ..., "text": ...}} with optional suggestions, labels')
                continue
            sug, labels = fd.get('suggestions', []), fd.get('labels', [])
            if not isinstance(sug, list) or not all(isinstance(x, str) and x for x in sug):
                errors.append(f'{where}: suggestions must be a list of non-empty strings')
            if 'labels' in fd and (not isinstance(labels, list) or len(labels) != len(sug)):
                errors.append(f'{where}: labels must be a list with one label per suggestion')
            if fd['rule'] not in RULES[lang]:
                errors.append(f'{where}: rule {fd["rule"]!r} not valid for {lang}')
            if fd.get('text'):
                wanted[fd['text']] += 1
            elif not fd['rule'].startswith(('plain.', 'context.')):
                errors.append(f'{where}: finding text may only be omitted (or empty, any span) for plain.* and context.* rules')
            counts[fd['rule']] += 1
        for needle, k in wanted.items():
            have = whole_word_count(text, needle)
            if have < k:
                errors.append(f'{where}: {needle!r} listed {k}x but occurs {have}x as a whole word')
        counts['lines'] += 1
        counts['negative lines' if not findings else 'positive lines'] += 1
    return errors, counts


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    paths = sys.argv[1:] or (sorted(glob.glob(os.path.join(here, '*.jsonl'))) +
                             sorted(glob.glob(os.path.join(here, 'holdout', '*.jsonl'))))
    bad = False
    for p in paths:
        errors, counts = check(p)
        for e in errors:
            print(e)
        bad |= bool(errors)
        print(f'{os.path.basename(p)}: ' + ', '.join(f'{k} {v}' for k, v in sorted(counts.items())))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
