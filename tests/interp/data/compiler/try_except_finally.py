try:
    x = 1 / 0
except ZeroDivisionError as e:
    x = 0
finally:
    y = 2
