# single inheritance, overriding, super()
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " the " + self.kind + " says " + self.speak()
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (squeaky)"
class Cat(Animal):
    def __init__(self, name):
        super().__init__(name.upper())
for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1), Cat("tom")]:
    print(a.describe())
p = Puppy("bit", 1)
print(p.age, p.name, isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat))
print(type(p).__name__, Puppy.kind, Cat.kind)
class Base:
    def hello(self):
        return "base hello from " + type(self).__name__
class Derived(Base):
    pass
print(Derived().hello())
