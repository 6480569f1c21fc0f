//! The order a CPython set iterates in: the slots of its open-addressing table. A set keeps its
//! members in a [`Dict`](super::dict::Dict) for lookups and, beside it, this replica of
//! CPython's table — same sizes, growth points, linear probes and perturbation — holding the
//! same members, so that `print({3, 1, 2})` shows `{1, 2, 3}` as CPython does. (Members whose
//! hashes CPython randomises, like strings, follow their own hashes here: CPython's order for
//! them changes from run to run anyway.)

use super::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Copy, Debug)]
enum Slot {
    Empty,
    /// A removed member's slot: probes go past it, new members may reuse it.
    Dummy,
    Full(u64, Value),
}

#[derive(Clone, Debug)]
pub struct SetOrder {
    slots: Vec<Slot>,
    /// Slots not empty (members and dummies), and members.
    fill: usize,
    used: usize,
}

/// The same value, bit for bit (a NaN is itself).
fn same(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

impl Default for SetOrder {
    fn default() -> SetOrder {
        SetOrder {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
        }
    }
}

impl SetOrder {
    /// The slots a search for `hash` visits, in order, until `stop` says where to end.
    fn probe(&self, hash: u64, mut stop: impl FnMut(usize, Slot) -> bool) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if stop(j, self.slots[j]) {
                    return j;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Adds `key`, which is not a member, where CPython's `set.add` would put it.
    pub fn add(&mut self, hash: u64, key: Value) {
        let mut free = None;
        let empty = self.probe(hash, |j, slot| match slot {
            Slot::Empty => true,
            Slot::Dummy => {
                free.get_or_insert(j);
                false
            }
            Slot::Full(..) => false,
        });
        self.used += 1;
        if let Some(j) = free {
            self.slots[j] = Slot::Full(hash, key);
            return;
        }
        self.slots[empty] = Slot::Full(hash, key);
        self.fill += 1;
        if self.fill * 5 >= (self.slots.len() - 1) * 3 {
            let minused = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
    }

    /// Removes member `key` (the very value stored), leaving a dummy.
    pub fn discard(&mut self, hash: u64, key: Value) {
        let found = self.probe(hash, |_, slot| match slot {
            Slot::Empty => true,
            Slot::Full(h, k) => h == hash && same(k, key),
            Slot::Dummy => false,
        });
        if let Slot::Full(..) = self.slots[found] {
            self.slots[found] = Slot::Dummy;
            self.used -= 1;
        }
    }

    /// A table of the smallest size above `minused`, the members reinserted in slot order.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Full(hash, key) = slot {
                self.insert_clean(hash, key);
            }
        }
    }

    /// Puts a member in the first empty slot of its probe sequence (no dummies, no equal keys).
    fn insert_clean(&mut self, hash: u64, key: Value) {
        let j = self.probe(hash, |_, slot| matches!(slot, Slot::Empty));
        self.slots[j] = Slot::Full(hash, key);
    }

    /// The members (with their hashes), in CPython's iteration order.
    pub fn members(&self) -> impl Iterator<Item = (u64, Value)> + '_ {
        self.slots.iter().filter_map(|s| match *s {
            Slot::Full(h, k) => Some((h, k)),
            _ => None,
        })
    }

    /// A copy of `other` made as CPython's `set(other)` makes one: a table sized for its
    /// members, filled in `other`'s order (or `other`'s table itself when that has no dummies).
    pub fn copy_of(other: &SetOrder) -> SetOrder {
        let mut copy = SetOrder::default();
        copy.merge(other);
        copy
    }

    /// Whether nothing was ever added since the table was made (or cleared).
    pub fn is_unused(&self) -> bool {
        self.fill == 0
    }

    /// Grows the table, as CPython's set update does before adding `incoming` members.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= (self.slots.len() - 1) * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Adds the members of `other` to an unused table as CPython's set update does: its table
    /// copied when the sizes match, else its members placed in its order.
    fn merge(&mut self, other: &SetOrder) {
        self.reserve_for_merge(other.used);
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        self.fill = other.used;
        self.used = other.used;
        for (hash, key) in other.members() {
            self.insert_clean(hash, key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(order: &SetOrder) -> Vec<i64> {
        order
            .members()
            .map(|(_, k)| match k {
                Value::Int(i) => i,
                _ => -1,
            })
            .collect()
    }

    #[test]
    fn small_ints_sit_at_their_own_slots() {
        let mut order = SetOrder::default();
        for i in [3, 1, 2] {
            order.add(i as u64, Value::Int(i));
        }
        assert_eq!(ints(&order), vec![1, 2, 3]);
    }

    #[test]
    fn growth_and_dummies_follow_cpython() {
        // CPython 3.11: s = {5, 3}; s.add(1); s.add(64); s.add(8) prints {64, 1, 3, 5, 8}.
        let mut order = SetOrder::default();
        for i in [5, 3, 1, 64, 8] {
            order.add(i as u64, Value::Int(i));
        }
        assert_eq!(ints(&order), vec![64, 1, 3, 5, 8]);
        order.discard(64, Value::Int(64));
        order.add(0, Value::Int(0));
        assert_eq!(ints(&order), vec![0, 1, 3, 5, 8]);
    }
}
