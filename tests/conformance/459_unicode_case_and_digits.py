# str case mappings, Unicode classes, and int()/float() of Unicode digits, as CPython 3.11
# (Unicode 14.0.0) has them; a checksum over every code point covers the whole tables.
print("ß".upper(), "ß".lower(), "ß".title(), "ß".casefold(), "ß".swapcase(), "ß".capitalize())
print("ﬁ".upper(), "ﬁ".title(), "ﬁre".capitalize(), "ﬁ".casefold(), "ŉ".upper())
print(ascii("İ".lower()), len("İ".lower()), "İstanbul".casefold() == "i̇stanbul", "İ".upper())
print("ı".upper(), "I".lower(), "ı".isalpha(), "ı".islower(), "ı".casefold())
print("ΑΣ".lower(), "ΑΣ ΟΔΟΣ".lower(), "Σ".lower(), "ΣΑ".lower(), "ΑΣ.".lower(), "Α'Σ".lower())
print("ΑΣΑ".lower(), "ΑΣ'Α".lower(), "όδός".upper(), "ΐ".upper(), len("ΐ".upper()), "ᾳ".upper())
print("ᾳ".title(), "ᾼ".lower(), "ᾼ".casefold(), "ς".upper(), "ς".casefold(), "σς".title())
print("ǅ".upper(), "ǅ".lower(), "ǆ".title(), "ǅ".swapcase(), "ǅ".istitle(), "ǅ".isupper())
print("ǆungla".capitalize(), "ǄUNGLA".title(), "ǅ".islower(), "Ǆ".istitle(), "ǅa".istitle())
print("ა".upper(), "Ა".lower(), "ა".title(), "ქართული".upper() == "ᲥᲐᲠᲗᲣᲚᲘ")
print("Ꭰ".lower(), "ꭰ".upper(), "Ꭰ".casefold(), "ꭰ".casefold(), "ᏸ".upper(), "Ᏸ".casefold())
print("ǰ".upper(), "ẞ".lower(), "ẞ".casefold(), "ﬃ".upper(), "ﬀ".title(), "և".upper())
print("µ".upper(), "µ".casefold(), "ſ".upper(), "ſ".casefold(), "K".lower(), "Å".lower())
print("hello wORLD".title(), "ʼn x".title(), "a1b2".title(), "they're bill's".title())
print("ÉCOLE".lower(), "école".upper(), "ÉcOlE".swapcase(), "Ⓐ".lower(), "ⓐ".isupper())
print("ǈ".isupper(), "ǈ".islower(), "ǈ".istitle(), "Aǈ".istitle(), "ǈA".istitle())

print("١٢٣".isdigit(), "١٢٣".isdecimal(), "١٢٣".isnumeric(), "१२३".isdecimal(), "߀".isdecimal())
print("²".isdigit(), "²".isdecimal(), "²".isnumeric(), "①".isdigit(), "①".isdecimal())
print("½".isnumeric(), "½".isdigit(), "Ⅻ".isnumeric(), "Ⅻ".isalpha(), "ⅻ".upper(), "Ⅻ".lower())
print("三".isnumeric(), "三".isdigit(), "三".isalpha(), "億".isnumeric(), "十".isalnum())
print("Ⅷ".isalnum(), "²".isalnum(), "a²".isalnum(), "١".isalnum(), "\u3000".isspace())
print("\x85".isspace(), "\xa0".isspace(), "\u200b".isspace(), "\x1c".isspace(), "\u2028".isspace())
print("ǅ".isalpha(), "ʰ".isalpha(), "ʰ".islower(), "\u0345".islower(), "ª".islower())
print(int("٣"), int("٣٤"), int("١٢٣") + 1, int("१२३"), int("１２３"), int("𝟏𝟐"), int("٣_٤"))
print(int("\u3000٤٢\u2003"), int("-٧"), int("ff", 16), int("١٠", 16), int("٠x١٠", 0))
print(float(" ١٢.٥ "), float("٣e٢"), float("\xa0१.५\u2029"), float("-٠.٢٥"))
for bad in ["½", "²", "①", "三", "١٫٥", "٣ ٤", "Ⅻ", "\u200b1"]:
    for f in (int, float):
        try:
            f(bad)
            print("accepted", ascii(bad))
        except ValueError as e:
            print(type(e).__name__, e)

# The code points of planes 0-3 but the surrogates, the tags and variation selectors of plane 14,
# and a sample of the rest (unassigned or private use), through each method at once: the lengths
# and code point sums of the results cover every mapping, the filters every class.
codes = list(range(0xD800)) + list(range(0xE000, 0x40000)) + list(range(0xE0000, 0xE1000))
codes += list(range(0x40000, 0xE0000, 251)) + list(range(0xE1000, 0x110000, 251))
chars = list(map(chr, codes))
text = "".join(chars)
for name in ["upper", "lower", "title", "casefold", "swapcase", "capitalize"]:
    r = getattr(str, name)(text)
    print(name, len(r), sum(map(ord, r)))
# Each capital sigma between two code points: the final-sigma rule meets every neighbour.
r = "\u03a3".join(chars).lower()
print("sigma", r.count("\u03c2"), r.count("\u03c3"), sum(map(ord, r)))
for pred in [str.isdigit, str.isdecimal, str.isnumeric, str.isalpha, str.isalnum, str.isspace,
             str.isupper, str.islower, str.istitle]:
    sel = "".join(filter(pred, chars))
    print(pred.__name__, len(sel), sum(map(ord, sel)))
decimals = "".join(filter(str.isdecimal, chars))
print(sum(map(int, decimals)), int(decimals) % 1000000007, float(decimals[-16:]))
