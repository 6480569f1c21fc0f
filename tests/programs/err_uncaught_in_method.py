class Parser:
    def __init__(self, text):
        self.text = text

    def number(self):
        return int(self.text)

def main():
    print(Parser("12").number())
    print(Parser("x1").number())

main()
