//! The index of a dict's entries: an open-addressing table from a key's hash to the position of
//! its entry, with linear probing.
//!
//! Each slot is a 32-bit word: the entry's position in the low bits (as many as the table has
//! slots: a table of 2^k slots indexes positions below 2^k) and a tag of the key's hash in the
//! rest, so a probe reads the entry — usually a cache miss — only when the tags agree. At
//! 13,000 keys the table is 128 KiB, small enough to stay in the CPU's cache beside the
//! entries. The table is at most two-thirds full (removed entries leave a marker until the next
//! rebuild), so every probe ends at an empty slot, and positions never reach the all-ones
//! value that marks a removed entry. The lookup is generic over the key test, which the
//! compiler inlines into it: no call per probe.

/// A slot never used (all ones: every tag bit and the removed-entry position).
const EMPTY: u32 = u32::MAX;

/// The smallest table: eight slots, room for five entries.
const MIN_SLOTS: usize = 8;

/// Python hashes of small ints are the ints themselves; the table wants all bits mixed. The low
/// bits pick the first slot, the high half gives the tag.
#[inline(always)]
fn spread(hash: u64) -> u64 {
    hash.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(26)
}

/// The slots of a dict's index (see the module doc).
///
/// ```
/// use baton::runtime::hash_index::Index;
/// let hashes = [11u64, 22, 33];
/// let mut index = Index::default();
/// assert!(index.is_full());
/// index = Index::build(hashes.len(), hashes.iter().copied().zip(0..));
/// assert!(!index.is_full());
/// assert_eq!(index.find(22, |p| hashes[p] == 22), Some(1));
/// assert_eq!(index.find(44, |p| hashes[p] == 44), None);
/// ```
#[derive(Debug, Default, Clone)]
pub struct Index {
    slots: Box<[u32]>,
    /// Slots holding an entry or a removal marker.
    filled: u32,
    /// Slots holding an entry.
    live: u32,
}

impl Index {
    /// The bits of a slot that hold a position: as many as index the table. (Tables never
    /// reach 2^32 slots: that would be billions of entries.)
    #[inline(always)]
    fn position_bits(&self) -> u32 {
        (self.slots.len() as u32).wrapping_sub(1)
    }

    /// The tag of a spread hash, in the bits a table with `position_bits` leaves to it.
    #[inline(always)]
    fn tag(spread: u64, position_bits: u32) -> u32 {
        (spread >> 32) as u32 & !position_bits
    }

    /// The position of the entry hashing to `hash` that `matches` accepts.
    #[inline(always)]
    pub fn find(&self, hash: u64, mut matches: impl FnMut(usize) -> bool) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let position_bits = self.position_bits();
        let s = spread(hash);
        let wanted = Index::tag(s, position_bits);
        let mut i = s as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == EMPTY {
                return None;
            }
            let position = slot & position_bits;
            if slot & !position_bits == wanted
                && position != position_bits
                && matches(position as usize)
            {
                return Some(position as usize);
            }
            i = (i + 1) & mask;
        }
    }

    /// The positions of the entries whose hashes might be `hash` (same slot sequence and tag).
    pub fn candidates(&self, hash: u64) -> Vec<usize> {
        let mut found = Vec::new();
        self.find(hash, |position| {
            found.push(position);
            false
        });
        found
    }

    /// The number of entries indexed.
    pub fn len(&self) -> usize {
        self.live as usize
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Whether one more entry would take the table past two-thirds full (always, for the empty
    /// table of a new dict): then the dict rebuilds it with [`Index::build`].
    pub fn is_full(&self) -> bool {
        (self.filled as usize + 1) * 3 > self.slots.len() * 2
    }

    /// Records the entry at `position`, hashing to `hash`. The table must not be full.
    pub fn insert(&mut self, hash: u64, position: usize) {
        self.place(hash, position);
        self.filled += 1;
        self.live += 1;
    }

    /// Forgets the entry at `position`, hashing to `hash` (its slot becomes a marker: the
    /// all-ones position with an empty tag).
    pub fn remove(&mut self, hash: u64, position: usize) {
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        let position_bits = self.position_bits();
        let mut i = spread(hash) as usize & mask;
        while self.slots[i] != EMPTY {
            if (self.slots[i] & position_bits) as usize == position {
                self.slots[i] = position_bits;
                self.live -= 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// An index of `entries` (hash, position), with room for at least `wanted` entries. Every
    /// position must be below `wanted`.
    pub fn build(wanted: usize, entries: impl Iterator<Item = (u64, usize)>) -> Index {
        let size = (wanted * 3 / 2 + 1).next_power_of_two().max(MIN_SLOTS);
        let mut index = Index {
            slots: vec![EMPTY; size].into_boxed_slice(),
            filled: 0,
            live: 0,
        };
        for (hash, position) in entries {
            index.insert(hash, position);
        }
        index
    }

    /// Writes a slot for `position` at the first free place of `hash`'s sequence.
    fn place(&mut self, hash: u64, position: usize) {
        let mask = self.slots.len() - 1;
        let position_bits = self.position_bits();
        debug_assert!((position as u32) < position_bits);
        let s = spread(hash);
        let mut i = s as usize & mask;
        while self.slots[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = Index::tag(s, position_bits) | position as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inserts as a dict does, rebuilding from the live entries when full (sized for every
    /// position so far, as entries are not compacted here).
    fn add(index: &mut Index, live: &[(u64, usize)], hash: u64, position: usize) {
        if index.is_full() {
            *index = Index::build(position + 1, live.iter().copied());
        }
        index.insert(hash, position);
    }

    #[test]
    fn colliding_hashes_removals_and_growth() {
        // Every hash equal: one long probe sequence, crossed by removals.
        let mut index = Index::default();
        let mut live: Vec<(u64, usize)> = Vec::new();
        for position in 0..100 {
            add(&mut index, &live, 7, position);
            live.push((7, position));
            if position % 3 == 0 {
                index.remove(7, position);
                live.retain(|&(_, p)| p != position);
            }
        }
        for position in 0..100 {
            let found = index.find(7, |p| p == position);
            assert_eq!(found.is_some(), position % 3 != 0, "{position}");
        }
        assert_eq!(index.candidates(7).len(), live.len());
    }

    #[test]
    fn tables_stay_at_most_two_thirds_full() {
        let mut index = Index::default();
        let mut live = Vec::new();
        for position in 0..1000 {
            let hash = position as u64 * 31;
            add(&mut index, &live, hash, position);
            live.push((hash, position));
            assert!(index.filled as usize * 3 <= index.slots.len() * 2);
        }
        for &(hash, position) in &live {
            assert_eq!(index.find(hash, |p| p == position), Some(position));
            assert_eq!(index.find(hash + 1, |p| live[p].0 == hash + 1), None);
        }
    }
}
