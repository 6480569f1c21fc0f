# time's calendar functions: struct_time, gmtime, strftime, asctime/ctime, mktime, and the
# *_ns clocks. (Local time is only checked against itself: it depends on the machine's zone.)
import time

t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t[0], t[-1], len(t), list(t)[:3], t[1:3], t.tm_zone, t.tm_gmtoff)
print(time.gmtime(0))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %y %p %%", t))
print(time.strftime("%X|%x|%c|%D", time.gmtime(3600)))
print(time.asctime(t), time.asctime(time.gmtime(86400 * 9)))
print(time.strftime("", t) == "", t == tuple(t), t == time.gmtime(1700000000))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
local = time.localtime(1700000000)
print(time.mktime(local), time.mktime(tuple(local)) == time.mktime(local))
print(time.ctime(1700000000) == time.asctime(local))
print(len(time.strftime("%H:%M:%S")), type(time.time_ns()).__name__, time.monotonic_ns() > 0)
try:
    time.strftime("%Y", (1, 2))
except TypeError as e:
    print(e)
try:
    time.localtime().tm_nope
except AttributeError as e:
    print(e)
