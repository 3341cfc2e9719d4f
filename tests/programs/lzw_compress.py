"""LZW compression of text into codes and back, with the ratio, over a few inputs including a
very repetitive one."""


def compress(data):
    table = {bytes([i]): i for i in range(256)}
    current = b""
    codes = []
    for byte in data:
        candidate = current + bytes([byte])
        if candidate in table:
            current = candidate
        else:
            codes.append(table[current])
            table[candidate] = len(table)
            current = bytes([byte])
    if current:
        codes.append(table[current])
    return codes


def decompress(codes):
    table = {i: bytes([i]) for i in range(256)}
    previous = table[codes[0]]
    out = [previous]
    for code in codes[1:]:
        if code in table:
            entry = table[code]
        elif code == len(table):
            entry = previous + previous[:1]
        else:
            raise ValueError("bad code %d" % code)
        out.append(entry)
        table[len(table)] = previous + entry[:1]
        previous = entry
    return b"".join(out)


SAMPLES = [
    b"TOBEORNOTTOBEORTOBEORNOT",
    b"the quick brown fox jumps over the lazy dog " * 20,
    b"a" * 1000,
    bytes(range(256)) * 3,
]
for data in SAMPLES:
    codes = compress(data)
    back = decompress(codes)
    print("%5d bytes -> %4d codes  ratio %.3f  ok=%s  first=%s" % (
        len(data), len(codes), len(codes) / len(data), back == data, codes[:6]))
