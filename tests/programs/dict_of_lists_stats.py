scores = {"ann": [90, 85, 77], "bob": [60, 75], "cy": [88], "di": []}
for name, s in scores.items():
    if s:
        avg = sum(s) / len(s)
        print(f"{name}: n={len(s)} avg={avg:.1f} best={max(s)} range={max(s) - min(s)}")
    else:
        print(f"{name}: no scores")
ranked = sorted((n for n in scores if scores[n]), key=lambda n: -sum(scores[n]) / len(scores[n]))
print(ranked)
all_scores = sorted(x for s in scores.values() for x in s)
n = len(all_scores)
median = (all_scores[n // 2] + all_scores[(n - 1) // 2]) / 2
mean = sum(all_scores) / n
var = sum((x - mean) ** 2 for x in all_scores) / n
print(all_scores, median, round(mean, 3), round(var ** 0.5, 3))
