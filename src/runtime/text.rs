//! `Text`: what a str object holds — its characters, and its hash once a dict or set has needed
//! it (strs never change, so the hash is computed at most once, as CPython caches it).
//!
//! Short texts (most keys, words and numbers) sit inside the object, in room the heap slot has
//! anyway: no allocation of their own, and one memory access fewer to compare them. They are
//! built in place (`append_inline`): a str made by `+`, an f-string or `str(int)` is written
//! into its own heap slot piece by piece. A long text keeps its character count.

use std::cell::Cell;
use std::ops::Deref;

/// How many bytes of text fit inside the object.
pub const INLINE: usize = 46;

/// Marks a hash not computed yet (a text whose hash is this value is just never cached).
const NO_HASH: u64 = u64::MAX;

/// A str's contents; derefs to `str`.
///
/// ```
/// use baton::runtime::text::Text;
/// let t = Text::from("key");
/// assert_eq!(&*t, "key");
/// assert_eq!(t.hash_with(|s| s.len() as u64), 8); // three bytes, padded to a word
/// assert_eq!(t.hash_with(|_| 99), 8); // cached: the second function is not called
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
    Inline { len: u8, bytes: [u8; INLINE] },
    /// A longer text, with its number of characters (counted once: `len()` and indexing of a
    /// long str would otherwise walk it every time).
    Boxed { text: Box<str>, count: usize },
}

impl Text {
    /// The hash of the text: the cached one, or `compute`'s, cached. `compute` is given the
    /// text's bytes, and where the text is inline, the zeros after them up to a whole number
    /// of eight-byte words (as far as the buffer goes), so that it can read whole words. (Equal
    /// texts are both inline or both not, so they are given the same bytes.)
    #[inline]
    pub fn hash_with(&self, compute: impl FnOnce(&[u8]) -> u64) -> u64 {
        let cached = self.hash.get();
        if cached != NO_HASH {
            return cached;
        }
        let h = match &self.chars {
            Chars::Inline { len, bytes } => {
                let padded = usize::from(*len).next_multiple_of(8).min(INLINE);
                compute(&bytes[..padded])
            }
            Chars::Boxed { text, .. } => compute(text.as_bytes()),
        };
        self.hash.set(h);
        h
    }
}

impl Text {
    /// Whether the characters have an allocation of their own (the text is too long to sit
    /// inside the object).
    pub fn is_boxed(&self) -> bool {
        matches!(self.chars, Chars::Boxed { .. })
    }

    /// The number of characters (what `len()` gives): counted once for a long text.
    ///
    /// ```
    /// use baton::runtime::text::Text;
    /// assert_eq!(Text::from("é".repeat(100)).char_count(), 100);
    /// assert!(!Text::from("é".repeat(100)).is_ascii());
    /// assert!(Text::from("e".repeat(100)).is_ascii());
    /// ```
    pub fn char_count(&self) -> usize {
        match &self.chars {
            Chars::Inline { .. } => self.chars().count(),
            Chars::Boxed { count, .. } => *count,
        }
    }

    /// Whether every character is ASCII (so that characters and bytes are one and the same):
    /// without a walk over a long text.
    pub fn is_ascii(&self) -> bool {
        self.char_count() == self.len()
    }

    /// The length of the text if it sits inside the object.
    pub fn inline_len(&self) -> Option<usize> {
        match self.chars {
            Chars::Inline { len, .. } => Some(usize::from(len)),
            Chars::Boxed { .. } => None,
        }
    }

    /// Appends `piece` in place, if the result still fits inside the object (otherwise the
    /// text stays as it was and the answer is false).
    ///
    /// A str is built this way in the heap slot it will live in, so that its bytes are
    /// written once and not read back soon after (bytes copied through a buffer in several
    /// overlapping pieces and then read as a whole stall the CPU until every piece is stored).
    ///
    /// ```
    /// use baton::runtime::text::Text;
    /// let mut t = Text::default();
    /// assert!(t.append_inline(&Text::from("w12")) && t.append_inline(&Text::from("_3")));
    /// assert_eq!(&*t, "w12_3");
    /// assert!(!t.append_inline(&Text::from("x".repeat(100))));
    /// assert_eq!(&*t, "w12_3");
    /// ```
    #[inline]
    pub fn append_inline(&mut self, piece: &Text) -> bool {
        let (
            Chars::Inline { len, bytes },
            Chars::Inline {
                len: n,
                bytes: from,
            },
        ) = (&mut self.chars, &piece.chars)
        else {
            return false;
        };
        let (at, n) = (usize::from(*len), usize::from(*n));
        if at + n > INLINE {
            return false;
        }
        // A piece goes as fixed sixteen-byte chunks: its padding is zero, and so are
        // the bytes it lands on after the text's end. A longer piece's last chunk ends where it
        // does; a short piece near the end of the room is copied exactly (out of line).
        let mut done = 0;
        while done < n {
            let chunk = if done + 16 <= n || n < 16 {
                done
            } else {
                n - 16
            };
            match (
                bytes
                    .get_mut(at + chunk..)
                    .and_then(|b| b.first_chunk_mut::<16>()),
                from.get(chunk..).and_then(|b| b.first_chunk::<16>()),
            ) {
                (Some(to), Some(from)) => *to = *from,
                _ => {
                    copy_bytes(&mut bytes[at + done..at + n], &from[done..n]);
                    break;
                }
            }
            done = chunk + 16;
        }
        *len += n as u8;
        self.hash.set(NO_HASH);
        true
    }

    /// Appends the decimal text of `i` in place, if the result still fits inside the object
    /// (see [`Text::append_inline`]). Digits are written two at a time, from the last.
    ///
    /// ```
    /// use baton::runtime::text::Text;
    /// let mut t = Text::from("g");
    /// assert!(t.append_int_inline(-1009));
    /// assert_eq!(&*t, "g-1009");
    /// ```
    #[inline]
    pub fn append_int_inline(&mut self, i: i64) -> bool {
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839404142434445464748495051525354555657585960\
            6162636465666768697071727374757677787980818283848586878889909192939495969798\
            99";
        let Chars::Inline { len, bytes } = &mut self.chars else {
            return false;
        };
        let start = usize::from(*len);
        let mut n = i.unsigned_abs();
        let sign = usize::from(i < 0);
        let Some(text) = bytes.get_mut(start..start + decimal_len(i)) else {
            return false;
        };
        // The sign's place; a non-negative number's digits overwrite it.
        text[0] = b'-';
        let mut at = text.len();
        while n >= 10 {
            let pair = (n % 100) as usize * 2;
            n /= 100;
            at -= 2;
            text[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if at > sign {
            text[sign] = b'0' + n as u8;
        }
        // ASCII digits and '-' are UTF-8.
        *len += text.len() as u8;
        self.hash.set(NO_HASH);
        true
    }

    /// The decimal text of `i`.
    pub fn from_int(i: i64) -> Text {
        let mut text = Text::default();
        // An i64 has at most 20 digits and a sign: always room.
        text.append_int_inline(i);
        text
    }
}

/// Copies `from` to `to` (of the same length), out of line: the rare case of
/// [`Text::append_inline`].
#[inline(never)]
fn copy_bytes(to: &mut [u8], from: &[u8]) {
    to.copy_from_slice(from);
}

/// The number of bytes of `i` in decimal.
pub fn decimal_len(i: i64) -> usize {
    usize::from(i < 0) + i.unsigned_abs().checked_ilog10().unwrap_or(0) as usize + 1
}

impl Default for Text {
    /// The empty text.
    fn default() -> Text {
        Text {
            hash: Cell::new(NO_HASH),
            chars: Chars::Inline {
                len: 0,
                bytes: [0; INLINE],
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
            Chars::Boxed { text, .. } => text,
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        if s.len() > INLINE {
            return Text::from(Box::<str>::from(s));
        }
        let mut bytes = [0; INLINE];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Text {
            hash: Cell::new(NO_HASH),
            chars: Chars::Inline {
                len: s.len() as u8,
                bytes,
            },
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
                chars: Chars::Boxed {
                    count: s.chars().count(),
                    text: s,
                },
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
    fn ints_read_back() {
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
        let mut t = Text::from("x".repeat(INLINE - 3).as_str());
        assert!(!t.append_int_inline(-100), "no room for four more bytes");
        assert!(t.append_int_inline(100));
        assert_eq!(&*t, format!("{}100", "x".repeat(INLINE - 3)));
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
    fn appending_gives_the_concatenation_at_every_length() {
        let text = |n: usize| -> String { "aé€".chars().cycle().take(n).collect() };
        for a in 0..=INLINE {
            for b in 0..=INLINE {
                let (x, y) = (text(a), text(b));
                let mut joined = Text::from(x.as_str());
                let fits = joined.append_inline(&Text::from(y.as_str()));
                assert_eq!(fits, x.len() + y.len() <= INLINE);
                let expected = if fits { format!("{x}{y}") } else { x };
                assert_eq!(&*joined, expected);
                assert!(joined == Text::from(expected), "padding stays zero");
            }
        }
    }

    #[test]
    fn appending_forgets_the_hash() {
        let first_byte = |s: &[u8]| u64::from(s[0]);
        let mut t = Text::from("ab");
        assert_eq!(t.hash_with(first_byte), u64::from(b'a'));
        let mut u = Text::default();
        assert!(u.append_inline(&Text::from("c")) && u.append_inline(&t));
        assert_eq!(u.hash_with(first_byte), u64::from(b'c'));
        assert!(t.append_int_inline(10));
        assert_eq!(t.hash_with(|s| s.len() as u64), 8, "padded to a word");
    }

    #[test]
    fn a_str_object_is_no_bigger_for_holding_short_text() {
        // A heap slot (an object, or none) is nine words: the inline text is sized to fit.
        assert_eq!(std::mem::size_of::<Option<crate::runtime::Object>>(), 72);
    }
}
