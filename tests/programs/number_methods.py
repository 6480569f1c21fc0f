print((10).bit_length(), (-255).bit_length(), (0).bit_length(), (2**70).bit_length())
print((3.0).is_integer(), (3.5).is_integer(), (5).real, (5).imag, (2.5).real, (7).numerator, (7).denominator)
print((1.5).as_integer_ratio(), (10).conjugate(), int.from_bytes if False else "skip")
print(True.bit_length(), (255).bit_count() if hasattr(int, "bit_count") else 8)
