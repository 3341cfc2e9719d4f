# if / elif / else
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in [-5, 0, 3, 10, 100]:
    print(n, classify(n))
x = 7
if x % 2:
    print("odd")
if x > 100:
    print("never")
else:
    print("not big")
if []:
    print("empty is true?")
elif [0]:
    print("non-empty list is truthy")
if x > 5:
    if x > 6:
        print("nested > 6")
    else:
        print("nested 6")
if x: print("one-line if")
