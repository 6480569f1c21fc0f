class A:
    @abstractmethod
else    def f(self):
        pass
