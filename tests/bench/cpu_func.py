# CPU-bound function of the classic threads-vs-processes demo.
# r, i < 10**7, so r*r*i reaches ~10**21 (> 2**63): this exercises big integers.
def cpu_func(result, niters):
    for i in range(niters):
        result = (result * result * i + 2 * result * i * i + 3) % 10000000
    return result


print(cpu_func(1, 10000000))
