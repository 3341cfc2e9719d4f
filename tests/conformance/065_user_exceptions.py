# user-defined exception hierarchies
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(field + ": " + problem)
        self.field = field
class Missing(LookupError):
    pass
def validate(age):
    if age < 0:
        raise ValidationError("age", "must be non-negative")
    if age > 150:
        raise AppError("unrealistic age")
    return age
for age in [30, -1, 200]:
    try:
        print("valid", validate(age))
    except ValidationError as e:
        print("ValidationError", e.field, "|", e, "|", e.args)
    except AppError as e:
        print("AppError", e)
try:
    raise Missing("thing")
except LookupError as e:
    print("caught as LookupError:", type(e).__name__, repr(e))
print(isinstance(ValidationError("f", "p"), AppError), isinstance(AppError("x"), ValidationError))
print(isinstance(ValidationError("f", "p"), Exception))
