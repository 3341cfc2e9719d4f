#!/usr/bin/env python3
"""Writes interp/common/unicode_tables.cpp: the code point classes and case mappings of
interp/common/unicode.h, read off CPython's own answers (so gilsim agrees with the python3 that
ran this: 3.11, Unicode 14.0.0).

Sorted ranges:
  kIdentifierStart      c.isidentifier()            (XID_Start, plus '_')
  kIdentifierContinue   ("a" + c).isidentifier()    (XID_Continue)
  kPrintable            c.isprintable()             (not Cc, Cf, Cs, Co, Cn, Zl, Zp, nor Zs but ' ')

Properties (the kProp* bits of unicode.h, in the order of PROPERTIES below):
  kAsciiProperties      the bits of U+0000..U+007F, one entry each
  kProperties           runs {lo, bits} from U+0080 on: a run lasts until the next one's lo.
                        A decimal digit's value is (c - lo) % 10 (asserted here: Unicode encodes
                        decimal digits in contiguous runs 0..9).
  Each bit is what CPython's str methods see:
    Alpha, Decimal, Digit, Numeric, Space, Upper, Lower   c.isX() of one character
    Title          c.istitle() and not c.isupper()          (Lt)
    Cased          (c + "a").title() ends in "a"            (title() lowers after a cased one)
    CaseIgnorable  the final-sigma rule of lower() skips c  (see case_ignorable)

Case mappings (SpecialCasing included, 1 to 3 code points), as runs {lo, hi, stride, delta}:
the mapping applies to lo, lo + stride, ... up to hi, and gives c + delta; stride 0 marks a
one-code-point run whose delta indexes kCaseSpecial (up to 3 code points, zero-padded).
  kUpper   c.upper()     where it is not c
  kLower   c.lower()     where it is not c
  kTitle   c.title()     where it is not c
  kFold    c.casefold()  where it is not c.lower() (the C++ side falls back to lower)

Run it from the repository root after a Unicode update and commit the result:
    python3 interp/common/gen_unicode_tables.py > interp/common/unicode_tables.cpp
"""
import sys
import unicodedata


def ranges(predicate):
    out, start = [], None
    for cp in range(0x110000):
        if predicate(chr(cp)):
            if start is None:
                start = cp
        elif start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out


def rows(name, ctype, items, per_row, count=True, shape="[]"):
    lines = [f"const {ctype} {name}{shape} = {{"]
    for i in range(0, len(items), per_row):
        lines.append("    " + " ".join(items[i:i + per_row]))
    lines.append("};")
    if count:
        lines.append(f"const size_t {name}Count = sizeof({name}) / sizeof({name}[0]);")
    return "\n".join(lines)


def table(name, rs):
    return rows(name, "CodePointRange", [f"{{0x{lo:X}, 0x{hi:X}}}," for lo, hi in rs], 5)


def cased(c):
    return (c + "a").title()[-1] == "a"


def case_ignorable(c):
    # lower() turns a capital sigma final when a cased character precedes it, skipping
    # case-ignorable ones (and none follows). Before c: a cased 'a', or an uncased ' '.
    if cased(c):
        return (" " + c + "\u03a3").lower()[-1] == "\u03c3"
    return ("a" + c + "\u03a3").lower()[-1] == "\u03c2"


# Bit i is 1 << i, the unicode.h constant named here (the output static_asserts it).
PROPERTIES = [
    ("kPropAlpha", str.isalpha),
    ("kPropDecimal", str.isdecimal),
    ("kPropDigit", str.isdigit),
    ("kPropNumeric", str.isnumeric),
    ("kPropSpace", str.isspace),
    ("kPropUpper", str.isupper),
    ("kPropLower", str.islower),
    ("kPropTitle", lambda c: c.istitle() and not c.isupper()),
    ("kPropCased", cased),
    ("kPropCaseIgnorable", case_ignorable),
]
DECIMAL = 1 << 1


def bits(c):
    return sum(1 << i for i, (_, p) in enumerate(PROPERTIES) if p(c))


def property_tables():
    ascii_bits = [bits(chr(cp)) for cp in range(0x80)]
    runs = []
    for cp in range(0x80, 0x110000):
        b = bits(chr(cp))
        if not runs or runs[-1][1] != b:
            runs.append((cp, b))
    for i, (lo, b) in enumerate(runs):
        if b & DECIMAL:
            hi = runs[i + 1][0] if i + 1 < len(runs) else 0x110000
            for cp in range(lo, hi):
                assert unicodedata.decimal(chr(cp)) == (cp - lo) % 10, hex(cp)
    for cp in range(0x80):
        if ascii_bits[cp] & DECIMAL:
            assert unicodedata.decimal(chr(cp)) == cp - 0x30
    asc = rows("kAsciiProperties", "uint16_t", [f"0x{b:X}," for b in ascii_bits], 16, count=False,
               shape="[128]")
    asserts = "\n".join(f"static_assert({name} == 1 << {i});" for i, (name, _) in enumerate(PROPERTIES))
    run_rows = rows("kProperties", "PropertyRun", [f"{{0x{lo:X}, 0x{b:X}}}," for lo, b in runs], 6)
    return asserts + "\n\n" + asc + "\n\n" + run_rows


class Specials:
    def __init__(self):
        self.items, self.index = [], {}

    def add(self, s):
        assert 2 <= len(s) <= 3
        if s not in self.index:
            self.index[s] = len(self.items)
            self.items.append(s)
        return self.index[s]


def case_table(name, mapping, base, specials):
    runs = []  # [lo, hi, stride, delta]
    for cp in range(0x110000):
        c = chr(cp)
        to = mapping(c)
        if to == base(c):
            continue
        if len(to) > 1:
            runs.append([cp, cp, 0, specials.add(to)])
            continue
        delta = ord(to) - cp
        r = runs[-1] if runs else None
        if r and r[2] != 0 and r[3] == delta:
            if r[0] == r[1] and cp - r[1] in (1, 2):  # a run's second member sets its stride
                r[1], r[2] = cp, cp - r[0]
                continue
            if r[0] != r[1] and cp - r[1] == r[2]:
                r[1] = cp
                continue
        runs.append([cp, cp, 1, delta])
    return rows(name, "CaseRange", [f"{{0x{lo:X}, 0x{hi:X}, {st}, {d}}}," for lo, hi, st, d in runs],
                4)


def case_tables():
    specials = Specials()
    out = [
        case_table("kUpper", str.upper, lambda c: c, specials),
        case_table("kLower", str.lower, lambda c: c, specials),
        case_table("kTitle", str.title, lambda c: c, specials),
        case_table("kFold", str.casefold, str.lower, specials),
    ]
    items = []
    for s in specials.items:
        cps = [ord(x) for x in s] + [0] * (3 - len(s))
        items.append("{" + ", ".join(f"0x{x:X}" for x in cps) + "},")
    out.append(rows("kCaseSpecial", "char32_t", items, 4, count=False, shape="[][3]"))
    return "\n\n".join(out)


def main():
    print(f"// Generated by interp/common/gen_unicode_tables.py from Python {sys.version.split()[0]}'s")
    print(f"// str methods (Unicode {unicodedata.unidata_version}): do not edit; rerun it.")
    print("// clang-format off")
    print('#include "interp/common/unicode_tables.h"')
    print()
    print('#include "interp/common/unicode.h"')
    print()
    print("namespace gilsim::unicode_tables {")
    print()
    print(table("kIdentifierStart", ranges(lambda c: c.isidentifier())))
    print()
    print(table("kIdentifierContinue", ranges(lambda c: ("a" + c).isidentifier())))
    print()
    print(table("kPrintable", ranges(lambda c: c.isprintable())))
    print()
    print(property_tables())
    print()
    print(case_tables())
    print()
    print("}  // namespace gilsim::unicode_tables")


if __name__ == "__main__":
    main()
