def find(items):
    for row in items:
        for item in row:
            try:
                if item:
                    return item
            finally:
                print('done')
    return None
