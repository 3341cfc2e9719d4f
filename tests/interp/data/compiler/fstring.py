name = 'gil'
width = 8
s = f'hello {name!r:>{width}} and {width + 1:x}!'
