# attrs: instance attribute loads and stores and small method calls on a user class.
# A particle-step loop creates Particle objects and updates x/y/vx/vy every step; this is the
# bread and butter of object-oriented Python (attribute dictionaries or slots, bound-method calls),
# which the integer micro-benchmarks of tests/bench/ do not touch.
# Usage: attrs.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.bounces = 0

    def step(self, width, height):
        self.x += self.vx
        self.y += self.vy
        if self.x < 0 or self.x >= width:
            self.vx = -self.vx
            self.x += self.vx
            self.bounces += 1
        if self.y < 0 or self.y >= height:
            self.vy = -self.vy
            self.y += self.vy
            self.bounces += 1

    def energy(self):
        return self.vx * self.vx + self.vy * self.vy

    def cell(self, size):
        return (self.x // size, self.y // size)


class Box:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.particles = []

    def add(self, p):
        self.particles.append(p)

    def step(self):
        w = self.width
        h = self.height
        for p in self.particles:
            p.step(w, h)

    def total_energy(self):
        total = 0
        for p in self.particles:
            total += p.energy()
        return total


def run(n_particles, steps):
    box = Box(1000, 700)
    seed = 12345
    for i in range(n_particles):
        seed = (seed * 1103515245 + 12345) % 2147483648
        x = seed % 1000
        y = (seed >> 10) % 700
        vx = (seed >> 4) % 15 - 7
        vy = (seed >> 8) % 13 - 6
        box.add(Particle(x, y, vx, vy))
    for s in range(steps):
        box.step()
        if s % 50 == 0:
            # Replace one particle now and then: object creation inside the loop.
            k = s % n_particles
            old = box.particles[k]
            box.particles[k] = Particle(old.y % 1000, old.x % 700, old.vy, old.vx)
    bounces = 0
    cells = {}
    for p in box.particles:
        bounces += p.bounces
        c = p.cell(100)
        cells[c] = cells.get(c, 0) + 1
    check = 0
    for p in box.particles:
        check = (check * 31 + p.x * 7 + p.y) % 1000000007
    return box.total_energy(), bounces, len(cells), check


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    steps = 25000 * size if size > 0 else 300
    energy, bounces, ncells, check = run(200, steps)
    print("attrs", energy, bounces, ncells, check)


main()
