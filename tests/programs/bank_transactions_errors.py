class TransactionError(Exception):
    pass

class Frozen(TransactionError):
    pass

accounts = {"a": 100, "b": 50, "c": 0}
frozen = {"c"}

def transfer(src, dst, amount):
    if src in frozen or dst in frozen:
        raise Frozen(f"account frozen: {src if src in frozen else dst}")
    if amount <= 0:
        raise ValueError("amount must be positive")
    if accounts[src] < amount:
        raise TransactionError(f"insufficient funds in {src}")
    accounts[src] -= amount
    accounts[dst] += amount

log = []
for src, dst, amt in [("a", "b", 30), ("b", "a", 100), ("a", "c", 5), ("a", "x", 1), ("b", "a", -1)]:
    try:
        transfer(src, dst, amt)
        log.append("ok")
    except Frozen as e:
        log.append(f"frozen({e})")
    except TransactionError as e:
        log.append(f"failed({e})")
    except (KeyError, ValueError) as e:
        log.append(f"{type(e).__name__}({e})")
print(log)
print(accounts)
