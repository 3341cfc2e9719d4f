# case conversion
s = "hello World, this is PYTHON"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print("mIxEd".capitalize(), "".capitalize(), "123abc".title())
print("o'neil is here".title())
print("ÉCOLE".lower(), "\u00e9t\u00e9".upper())
names = ["bob", "ALICE", "cHaRlIe"]
print([n.capitalize() for n in names])
print("abc".upper() == "ABC", "ABC".lower().upper())
