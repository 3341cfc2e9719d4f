"""The Mandelbrot set drawn in text: escape times mapped to a ramp of characters."""

RAMP = " .:-=+*#%@"


def escape(c, limit=60):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return limit


width, height = 64, 24
inside = 0
for row in range(height):
    y = 1.2 - 2.4 * row / (height - 1)
    line = []
    for col in range(width):
        x = -2.1 + 2.8 * col / (width - 1)
        n = escape(complex(x, y))
        if n == 60:
            inside += 1
            line.append("@")
        else:
            line.append(RAMP[n * (len(RAMP) - 1) // 60])
    print("".join(line).rstrip())
print("points inside:", inside)
