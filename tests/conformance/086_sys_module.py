# the sys module: argv, maxsize, recursion limit
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0])
print(sys.maxsize == 2 ** 63 - 1, sys.maxsize > 2 ** 31)
old = sys.getrecursionlimit()
print(type(old).__name__, old > 50)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
import sys as system
print(system is sys, system.maxsize == sys.maxsize)
from sys import argv, maxsize
print(argv == sys.argv, maxsize + 1 == 2 ** 63)
