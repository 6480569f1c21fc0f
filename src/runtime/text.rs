//! `Text`: what a str object holds — its characters, and its hash once a dict or set has needed
//! it (strs never change, so the hash is computed at most once, as CPython caches it).

use std::cell::Cell;
use std::ops::Deref;

/// A str's contents; derefs to `str`.
///
/// ```
/// use baton::runtime::text::Text;
/// let t = Text::from("key");
/// assert_eq!(&*t, "key");
/// assert_eq!(t.hash_with(|s| s.len() as u64), 3);
/// assert_eq!(t.hash_with(|_| 99), 3); // cached: the second function is not called
/// ```
#[derive(Clone, Debug)]
pub struct Text {
    chars: Box<str>,
    hash: Cell<Option<u64>>,
}

impl Text {
    /// The hash of the text: the cached one, or `compute`'s, cached.
    pub fn hash_with(&self, compute: impl FnOnce(&str) -> u64) -> u64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = compute(&self.chars);
        self.hash.set(Some(h));
        h
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.chars == other.chars
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.chars
    }
}

impl<T: Into<Box<str>>> From<T> for Text {
    fn from(chars: T) -> Text {
        Text {
            chars: chars.into(),
            hash: Cell::new(None),
        }
    }
}
