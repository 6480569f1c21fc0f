class Card:
    RANKS = "23456789TJQKA"
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __repr__(self):
        return self.rank + self.suit
    def __eq__(self, other):
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __lt__(self, other):
        return (Card.RANKS.index(self.rank), self.suit) < (Card.RANKS.index(other.rank), other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))

hand = [Card(r, s) for r, s in zip("KA2T9", "shdcs")]
print(sorted(hand), min(hand), max(hand))
print(Card("A", "h") in hand, Card("A", "s") in hand, hand.index(Card("2", "d")))
print(sorted(hand, reverse=True)[:2], hand[0] == Card("K", "s"), hand[0] != Card("K", "s"))
