# helper module that fails while being imported (not a test itself)
print("helper_raise_on_import starts")
value = {}["no such key"]
