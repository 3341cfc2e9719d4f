# statistics: exact means and variances (correctly rounded), medians, modes, quantiles,
# stdev's correctly rounded square root, the errors.
import statistics as st
samples = [[1, 2, 3, 4], [1, 2, 3], [0.1, 0.2, 0.3], [2.5, 3.25, 5.5, 11.25], [1e16, 1.0, -1e16], [7], list(range(100)), [1, 1, 2, 3, 3, 3, 4]]
for data in samples:
    print(data[:5], st.mean(data), st.fmean(data), st.median(data), st.median_low(data), st.median_high(data), st.median_grouped(data), st.mode(data), st.multimode(data))
    if len(data) > 1:
        print("  ", st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data), st.quantiles(data), st.quantiles(data, n=10, method="inclusive"))
print(st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75], 2.875), st.pvariance([0.0, 0.25, 1.25, 1.5], mu=0.75), st.stdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([60, 40], weights=[2, 1]), st.fmean([1, 2, 3], weights=[3, 1, 1]))
print(st.mode(["a", "b", "b", "c"]), st.multimode("aabbbbccddddeeffffgg"), st.median(["b", "a", "c"]), st.mean([True, False, True]))
print(st.mean([1, 2.5]), st.variance([1, 2, 3, 4, 5]), st.mean([float("inf"), 1.0]), st.stdev([1, 3, 5, 7, 14]))
for bad in [lambda: st.mean([]), lambda: st.median([]), lambda: st.variance([1]), lambda: st.stdev([]), lambda: st.pvariance([]), lambda: st.mode([]), lambda: st.quantiles([1]), lambda: st.harmonic_mean([-1, 2]), lambda: st.fmean([])]:
    try:
        bad()
    except st.StatisticsError as e:
        print("StatisticsError", e)
print(issubclass(st.StatisticsError, ValueError), st.NormalDist(1, 2), st.NormalDist.from_samples([1, 2, 3]).stdev)
