//! `Text`: what a str object holds — its characters, and its hash once a dict or set has needed
//! it (strs never change, so the hash is computed at most once, as CPython caches it).
//!
//! Short texts (most keys, words and numbers) sit inside the object, in room the heap slot has
//! anyway: no allocation of their own, and one memory access fewer to compare them.

use std::cell::Cell;
use std::ops::Deref;

/// How many bytes of text fit inside the object.
const INLINE: usize = 46;

/// Marks a hash not computed yet (a text whose hash is this value is just never cached).
const NO_HASH: u64 = u64::MAX;

/// A str's contents; derefs to `str`.
///
/// ```
/// use baton::runtime::text::Text;
/// let t = Text::from("key");
/// assert_eq!(&*t, "key");
/// assert_eq!(t.hash_with(|s| s.len() as u64), 3);
/// assert_eq!(t.hash_with(|_| 99), 3); // cached: the second function is not called
/// let long = Text::from("x".repeat(1000));
/// assert_eq!(long.len(), 1000);
/// ```
#[derive(Clone, Debug)]
pub struct Text {
    hash: Cell<u64>,
    chars: Chars,
}

#[derive(Clone, Debug)]
enum Chars {
    /// Invariant: `bytes[..len]` is the UTF-8 of a `str` (it is only ever copied from one), and
    /// the bytes after it are zero. Every text of at most `INLINE` bytes is inline.
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Boxed(Box<str>),
}

impl Text {
    /// The hash of the text: the cached one, or `compute`'s, cached.
    pub fn hash_with(&self, compute: impl FnOnce(&str) -> u64) -> u64 {
        let cached = self.hash.get();
        if cached != NO_HASH {
            return cached;
        }
        let h = compute(self);
        self.hash.set(h);
        h
    }
}

impl Text {
    /// Whether the characters have an allocation of their own (the text is too long to sit
    /// inside the object).
    pub fn is_boxed(&self) -> bool {
        matches!(self.chars, Chars::Boxed(_))
    }

    /// `self` followed by `other` (see [`TextBuilder`]).
    ///
    /// ```
    /// use baton::runtime::text::Text;
    /// assert_eq!(&*Text::from("w12").joined(&Text::from("_3")), "w12_3");
    /// assert_eq!(Text::from("ab").joined(&Text::from("cd")), Text::from("abcd"));
    /// ```
    pub fn joined(&self, other: &Text) -> Text {
        let mut joined = TextBuilder::default();
        joined.push_text(self);
        joined.push_text(other);
        joined.finish()
    }

    /// The decimal text of `i`, written in place two digits at a time.
    pub fn from_int(i: i64) -> Text {
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839404142434445464748495051525354555657585960\
            6162636465666768697071727374757677787980818283848586878889909192939495969798\
            99";
        let mut n = i.unsigned_abs();
        let sign = usize::from(i < 0);
        let len = sign + n.checked_ilog10().unwrap_or(0) as usize + 1;
        let mut bytes = [0; INLINE];
        // The sign's place; a non-negative number's digits overwrite it.
        bytes[0] = b'-';
        let mut at = len;
        while n >= 10 {
            let pair = (n % 100) as usize * 2;
            n /= 100;
            at -= 2;
            bytes[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if at > sign {
            bytes[sign] = b'0' + n as u8;
        }
        // ASCII digits and '-' are UTF-8.
        Text {
            hash: Cell::new(NO_HASH),
            chars: Chars::Inline {
                len: len as u8,
                bytes,
            },
        }
    }
}

/// Builds a text piece by piece. While it is short, the pieces are written straight into the
/// buffer an inline text keeps, and a short piece is copied as its whole zero-padded buffer (a
/// fixed-size copy: no call, no per-byte loop), whose padding keeps the rest of the buffer
/// zero; longer texts go to a `String`.
///
/// ```
/// use baton::runtime::text::{Text, TextBuilder};
/// let mut t = TextBuilder::default();
/// t.push_text(&Text::from("w"));
/// t.push_int(-42);
/// t.push_str("_x");
/// assert_eq!(&*t.finish(), "w-42_x");
/// ```
pub struct TextBuilder {
    len: usize,
    /// Invariant: `bytes[len..]` is zero (while the text is not spilled).
    bytes: [u8; 2 * INLINE],
    spilled: Option<String>,
}

impl Default for TextBuilder {
    fn default() -> Self {
        TextBuilder {
            len: 0,
            bytes: [0; 2 * INLINE],
            spilled: None,
        }
    }
}

impl TextBuilder {
    /// Appends a text.
    #[inline]
    pub fn push_text(&mut self, piece: &Text) {
        if let (Chars::Inline { len, bytes }, None) = (&piece.chars, &self.spilled) {
            let len = usize::from(*len);
            if self.len + len <= INLINE {
                // `self.len <= INLINE`, so the whole buffer fits.
                self.bytes[self.len..self.len + INLINE].copy_from_slice(bytes);
                self.len += len;
                return;
            }
        }
        self.push_str(piece);
    }

    /// Appends `i` in decimal.
    pub fn push_int(&mut self, i: i64) {
        self.push_text(&Text::from_int(i));
    }

    /// Appends any str.
    pub fn push_str(&mut self, piece: &str) {
        if self.spilled.is_none() && self.len + piece.len() <= INLINE {
            self.bytes[self.len..self.len + piece.len()].copy_from_slice(piece.as_bytes());
            self.len += piece.len();
            return;
        }
        let spilled = self.spilled.get_or_insert_with(|| {
            let mut text = String::with_capacity(2 * (self.len + piece.len()));
            // The bytes written so far are pieces of strs, whole.
            text.push_str(std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default());
            text
        });
        spilled.push_str(piece);
    }

    /// The text built.
    pub fn finish(self) -> Text {
        if let Some(text) = self.spilled {
            return Text::from(text);
        }
        let mut bytes = [0; INLINE];
        bytes.copy_from_slice(&self.bytes[..INLINE]);
        // Whole strs joined are UTF-8; `len <= INLINE` when nothing spilled, and the bytes
        // after it are zero.
        Text {
            hash: Cell::new(NO_HASH),
            chars: Chars::Inline {
                len: self.len as u8,
                bytes,
            },
        }
    }
}

impl PartialEq for Text {
    /// Inline texts compare as whole buffers (their unused bytes are always zero): a short
    /// one's first sixteen bytes in one wide comparison, without a call.
    #[inline(always)]
    fn eq(&self, other: &Text) -> bool {
        match (&self.chars, &other.chars) {
            (Chars::Inline { len: a, bytes: x }, Chars::Inline { len: b, bytes: y }) => {
                let head = |bytes: &[u8; INLINE]| {
                    bytes.first_chunk::<16>().map(|h| u128::from_ne_bytes(*h))
                };
                a == b && if *a <= 16 { head(x) == head(y) } else { x == y }
            }
            _ => **self == **other,
        }
    }
}

impl Deref for Text {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        match &self.chars {
            Chars::Inline { len, bytes } => {
                // SAFETY: the bytes were copied from a `str` (the invariant of `Inline`).
                unsafe { std::str::from_utf8_unchecked(&bytes[..usize::from(*len)]) }
            }
            Chars::Boxed(s) => s,
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        let chars = if s.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Chars::Inline {
                len: s.len() as u8,
                bytes,
            }
        } else {
            Chars::Boxed(s.into())
        };
        Text {
            hash: Cell::new(NO_HASH),
            chars,
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        if s.len() <= INLINE {
            Text::from(s.as_str())
        } else {
            Text::from(s.into_boxed_str())
        }
    }
}

impl From<Box<str>> for Text {
    fn from(s: Box<str>) -> Text {
        if s.len() <= INLINE {
            Text::from(&*s)
        } else {
            Text {
                hash: Cell::new(NO_HASH),
                chars: Chars::Boxed(s),
            }
        }
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::from(s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_of_every_length_read_back() {
        for n in [0, 1, INLINE - 1, INLINE, INLINE + 1, 1000] {
            let s: String = "é".repeat(n / 2) + &"a".repeat(n % 2);
            assert_eq!(&*Text::from(s.as_str()), s);
            assert_eq!(&*Text::from(s.clone()), s);
            assert_eq!(&*Text::from(s.clone().into_boxed_str()), s);
        }
    }

    #[test]
    fn ints_and_joins_read_back() {
        for i in [
            0,
            7,
            -7,
            9,
            10,
            -10,
            99,
            100,
            -100,
            101,
            1234567890,
            i64::MIN,
            i64::MAX,
        ] {
            assert_eq!(&*Text::from_int(i), i.to_string());
        }
        let long = "y".repeat(INLINE);
        for parts in [
            &["", ""][..],
            &["ab", "cé"],
            &["x", &long],
            &[&long, "", &long],
        ] {
            let mut joined = TextBuilder::default();
            parts.iter().for_each(|p| joined.push_str(p));
            assert_eq!(&*joined.finish(), parts.concat());
        }
    }

    #[test]
    fn texts_compare_by_every_byte_at_every_length() {
        for n in 0..=INLINE + 2 {
            let a = "k".repeat(n);
            assert!(Text::from(a.as_str()) == Text::from(a.clone()));
            if n > 0 {
                let last_differs = format!("{}z", &a[..n - 1]);
                let first_differs = format!("z{}", &a[1..]);
                assert!(Text::from(a.as_str()) != Text::from(last_differs));
                assert!(Text::from(a.as_str()) != Text::from(first_differs));
            }
            assert!(Text::from(a.as_str()) != Text::from(format!("{a}k")));
        }
    }

    #[test]
    fn joining_gives_the_concatenation_at_every_length() {
        let text = |n: usize| -> String { "aé€".chars().cycle().take(n).collect() };
        for a in 0..24 {
            for b in 0..24 {
                let (x, y) = (text(a), text(b));
                let joined = Text::from(x.as_str()).joined(&Text::from(y.as_str()));
                assert_eq!(&*joined, format!("{x}{y}"));
                assert!(
                    joined == Text::from(format!("{x}{y}")),
                    "padding stays zero"
                );
            }
        }
    }

    #[test]
    fn a_str_object_is_no_bigger_for_holding_short_text() {
        // A heap slot (an object, or none) is nine words: the inline text is sized to fit.
        assert_eq!(std::mem::size_of::<Option<crate::runtime::Object>>(), 72);
    }
}
