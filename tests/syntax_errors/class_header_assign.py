class A(B)=:
    pass
