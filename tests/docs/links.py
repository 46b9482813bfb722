#!/usr/bin/env python3
"""links.py FILE_OR_DIR... — every relative link in these Markdown files resolves.

A link [text](target) or a reference definition [label]: target whose target
has no scheme (http:, mailto:, ...) must name a file or directory that exists,
relative to the Markdown file; a #anchor after a Markdown file (or alone, for
the same file) must be the slug of one of its headings, made as GitHub makes
it (lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats)
or an <a id/name="..."> in it. Code blocks and code spans are not read.
Prints one line per broken link, FILE:LINE: ..., and exits 1 if there is one.
"""
import os
import re
import sys

LINK = re.compile(r'!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')
REFDEF = re.compile(r'^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$')
SCHEME = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:')
FENCE = re.compile(r'^ {0,3}(```|~~~)')
HEADING = re.compile(r'^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$')
HTML_ANCHOR = re.compile(r'<a\s+(?:id|name)="([^"]+)"', re.I)


def prose_lines(text):
    """(line number, line) of the lines outside code blocks, code spans blanked."""
    fenced = False
    prev_blank = True
    for n, line in enumerate(text.split('\n'), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        indented = line.startswith('    ') and prev_blank
        prev_blank = (line.strip() == '') or (indented and prev_blank)
        if fenced or indented:
            continue
        yield n, re.sub(r'(`+)(.+?)\1', lambda m: ' ' * len(m.group(0)), line)


def slug(title):
    title = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', title)   # a link's text
    title = re.sub(r'<[^>]+>', '', title).replace('`', '')
    s = ''.join(c for c in title.lower() if c.isalnum() or c in ' -_')
    return s.replace(' ', '-')


_anchors = {}


def anchors(path):
    if path not in _anchors:
        text = open(path, encoding='utf-8').read()
        found, seen = set(), {}
        fenced = False
        for line in text.split('\n'):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if fenced:
                continue
            found.update(HTML_ANCHOR.findall(line))
            m = HEADING.match(line)
            if m:
                base = slug(m.group(2))
                k = seen.get(base, 0)
                seen[base] = k + 1
                found.add(base if k == 0 else '%s-%d' % (base, k))
        _anchors[path] = found
    return _anchors[path]


def check(md):
    bad = []
    text = open(md, encoding='utf-8').read()
    for n, line in prose_lines(text):
        targets = LINK.findall(line)
        m = REFDEF.match(line)
        if m:
            targets.append(m.group(1))
        for t in targets:
            if SCHEME.match(t):
                continue
            path, _, anchor = t.partition('#')
            dest = os.path.normpath(os.path.join(os.path.dirname(md), path)) if path else md
            if not os.path.exists(dest):
                bad.append('%s:%d: %s: no such file %s' % (md, n, t, dest))
            elif anchor and dest.endswith('.md') and anchor not in anchors(dest):
                bad.append('%s:%d: %s: no heading #%s in %s' % (md, n, t, anchor, dest))
    return bad


def markdown_files(args):
    for a in args:
        if os.path.isdir(a):
            for root, dirs, files in os.walk(a):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith('.md'):
                        yield os.path.join(root, f)
        else:
            yield a


def main():
    files = list(markdown_files(sys.argv[1:]))
    if not files:
        print('links.py: no Markdown files given')
        return 1
    bad = [b for f in files for b in check(f)]
    for b in bad:
        print(b)
    print('docs links: %d files, %s' % (len(files), '%d broken links' % len(bad) if bad else 'every relative link resolves'))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
