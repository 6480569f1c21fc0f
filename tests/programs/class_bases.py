# __bases__, __base__ and __mro__ of classes, built-in ones included.
class A: pass
class B(A): pass
print(A.__bases__, B.__bases__, B.__mro__)
print(B.__base__, A.__base__, object.__base__, object.__bases__, int.__base__)
