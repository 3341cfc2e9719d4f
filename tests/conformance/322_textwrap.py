# textwrap: wrap/fill with every option, hyphens and dashes, long words, max_lines, shorten, dedent, indent, errors.
import textwrap
texts = [
    "The quick brown fox jumps over the lazy dog. " * 4,
    "Hello there.  How are you? I am fine! Said \"he.\" Then left.",
    "A well-known state-of-the-art long-winded sentence with self-evident hyphenation -- and dashes---here.",
    "supercalifragilisticexpialidocious is a very long word that must be broken somewhere",
    "tabs\there\tand\tthere\n\nnew lines   and   spaces",
    "",
    "   leading and trailing   ",
    "x-y-z a--b ---c d- -e",
]
for text in texts:
    for width in (10, 17, 30):
        print(width, textwrap.wrap(text, width))
    print(repr(textwrap.fill(text, 25, initial_indent="* ", subsequent_indent="  ")))
print(textwrap.wrap(texts[1], 20, fix_sentence_endings=True))
print(textwrap.wrap(texts[2], 12, break_on_hyphens=False), textwrap.wrap(texts[3], 10, break_long_words=False))
print(textwrap.wrap(texts[0], 20, max_lines=2), textwrap.wrap(texts[0], 20, max_lines=3, placeholder="..."))
print(textwrap.shorten("Hello  world!  How are you today?", 15), textwrap.shorten("Hello world", 11), textwrap.shorten("Hello world!", width=10, placeholder="~"))
print(textwrap.wrap(texts[4], 12, replace_whitespace=False), textwrap.wrap(texts[4], 12, expand_tabs=False), textwrap.wrap(texts[6], 8, drop_whitespace=False))
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")), repr(textwrap.dedent("\ta\n\t  b")), repr(textwrap.dedent("  x\n y")), repr(textwrap.dedent("   \n  a\n  ")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda l: True)))
for bad in [lambda: textwrap.wrap("x", 0), lambda: textwrap.shorten("hello world", 3)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
w = textwrap.TextWrapper(width=15, tabsize=4); print(w.wrap("a\tb\tc dddd eeee ffff"))
