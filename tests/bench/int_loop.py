# Integer loop inside a function; every value stays far below 2**63.
def main():
    total = 0
    for i in range(10000000):
        total = (total + i * 7) % 1000003
    print(total)


main()
