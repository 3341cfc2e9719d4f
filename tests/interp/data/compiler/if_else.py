x = 3
if x > 2 and x < 10:
    y = 'mid'
elif not x:
    y = 'zero'
else:
    y = 'other'
