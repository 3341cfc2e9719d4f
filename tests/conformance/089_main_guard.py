# the __name__ == "__main__" guard
def main():
    print("main() running")
    return 0
print("__name__ is", __name__)
if __name__ == "__main__":
    main()
else:
    print("imported, not run")
import helper_geometry
print(helper_geometry.__name__ == "__main__")
