//! CPython's hash functions for the values whose hashes it does not randomise — ints, floats
//! and tuples — so that sets of them lay out, and so iterate and print, in CPython's order.
//!
//! ```
//! use baton::runtime::pyhash::{hash_float, hash_int, TupleHash};
//! assert_eq!(hash_int(42), 42);
//! assert_eq!(hash_int(-1) as i64, -2);
//! assert_eq!(hash_float(0.5), 1 << 60);
//! assert_eq!(hash_float(1.5), (1 << 60) + 1);
//! assert_eq!(hash_float(3.0), hash_int(3));
//! let mut t = TupleHash::new();
//! t.absorb(hash_int(1));
//! t.absorb(hash_int(2));
//! assert_eq!(t.finish(2) as i64, -3550055125485641917);
//! ```

/// Hashes of numbers are their value modulo this prime (2**61 - 1).
const MODULUS: u64 = (1 << 61) - 1;
const BITS: u32 = 61;

/// A hash of -1 is reserved (it signals an error in CPython): -2 stands in for it.
fn avoid_minus_one(h: u64) -> u64 {
    if h == u64::MAX {
        u64::MAX - 1
    } else {
        h
    }
}

/// `hash(i)` for a machine int.
pub fn hash_int(i: i64) -> u64 {
    let magnitude = i.unsigned_abs() % MODULUS;
    let h = if i < 0 {
        magnitude.wrapping_neg()
    } else {
        magnitude
    };
    avoid_minus_one(h)
}

/// `hash(n)` for a big int given as its sign and magnitude's little-endian 32-bit digits.
pub fn hash_big(negative: bool, digits: &[u32]) -> u64 {
    let mut h: u64 = 0;
    for &d in digits.iter().rev() {
        // h = (h * 2**32 + d) mod MODULUS, with the shift done as a rotation in 61 bits.
        h = ((h << 32) & MODULUS) | (h >> (BITS - 32));
        h += u64::from(d);
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    avoid_minus_one(if negative { h.wrapping_neg() } else { h })
}

/// `hash(x)` for a float (equal to the int's hash when `x` is integral).
pub fn hash_float(x: f64) -> u64 {
    if x.is_infinite() {
        return if x > 0.0 {
            314_159
        } else {
            (-314_159i64) as u64
        };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let negative = m < 0.0;
    if negative {
        m = -m;
    }
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e as u32 % BITS
    } else {
        BITS - 1 - ((-1 - e) as u32 % BITS)
    };
    h = ((h << e) & MODULUS) | (h >> (BITS - e));
    avoid_minus_one(if negative { h.wrapping_neg() } else { h })
}

/// `x = m * 2**e` with `0.5 <= |m| < 1` (C's `frexp`).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// CPython's tuple hash (an xxHash variant) over its items' hashes.
pub struct TupleHash(u64);

const PRIME_1: u64 = 11_400_714_785_074_694_791;
const PRIME_2: u64 = 14_029_467_366_897_019_727;
const PRIME_5: u64 = 2_870_177_450_012_600_261;

impl TupleHash {
    pub fn new() -> TupleHash {
        TupleHash(PRIME_5)
    }

    pub fn absorb(&mut self, item: u64) {
        self.0 = self
            .0
            .wrapping_add(item.wrapping_mul(PRIME_2))
            .rotate_left(31)
            .wrapping_mul(PRIME_1);
    }

    /// The hash of a tuple of `len` items, all absorbed.
    pub fn finish(&self, len: usize) -> u64 {
        let h = self.0.wrapping_add(len as u64 ^ (PRIME_5 ^ 3_527_539));
        if h == u64::MAX {
            1_546_275_796
        } else {
            h
        }
    }
}

impl Default for TupleHash {
    fn default() -> TupleHash {
        TupleHash::new()
    }
}
