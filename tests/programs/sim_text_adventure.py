rooms = {
    "hall": {"desc": "a long hall", "exits": {"north": "library", "east": "kitchen"}},
    "library": {"desc": "dusty books", "exits": {"south": "hall"}, "item": "key"},
    "kitchen": {"desc": "smells of bread", "exits": {"west": "hall", "down": "cellar"}},
    "cellar": {"desc": "dark and damp", "exits": {"up": "kitchen"}, "locked": True},
}
where, bag = "hall", []
for cmd in ["go north", "take", "go south", "go east", "go down", "look", "go up", "go nowhere"]:
    verb, *rest = cmd.split()
    room = rooms[where]
    if verb == "go":
        target = room["exits"].get(rest[0])
        if target is None:
            print("can't go", rest[0])
        elif rooms[target].get("locked") and "key" not in bag:
            print("locked")
        else:
            where = target
            print("now in", where, "-", rooms[where]["desc"])
    elif verb == "take":
        item = room.pop("item", None)
        if item:
            bag.append(item)
        print("bag:", bag)
    else:
        print(where, sorted(room["exits"]))
