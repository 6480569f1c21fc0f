//! Instruction fusion: frequent pairs and triples become one instruction — a local with an
//! attribute, an operation with a constant or local operand, a comparison with its branch — so
//! hot code dispatches fewer instructions. It runs once per code object after its jumps are
//! final, never fuses across a jump target, a handler boundary or a line change (tracebacks and
//! handlers see the same instruction boundaries as before), and renumbers jumps, handlers and
//! the line table.

use super::bytecode::{Handler, Op};

/// The fused instruction for the sequence starting at `ops[0]`, and how many it replaces.
fn fusion(ops: &[Op]) -> Option<(Op, usize)> {
    match *ops {
        [Op::LoadFast(x), Op::LoadConst(k), Op::Compare(c), Op::PopJumpIfFalse(t), ..] => {
            let x = u16::try_from(x).ok()?;
            Some((Op::CompareFastConstJump(c, x, k, t), 4))
        }
        [Op::LoadFast(x), Op::LoadConst(k), Op::Compare(c), Op::PopJumpIfTrue(t), ..] => {
            let x = u16::try_from(x).ok()?;
            Some((Op::CompareFastConstJumpIfTrue(c, x, k, t), 4))
        }
        [Op::LoadConst(k), Op::Compare(c), Op::PopJumpIfFalse(t), ..] => {
            Some((Op::CompareConstJump(c, k, t), 3))
        }
        [Op::Compare(c), Op::PopJumpIfFalse(t), ..] => Some((Op::CompareJump(c, t), 2)),
        [Op::LoadConst(k), Op::Compare(c), Op::PopJumpIfTrue(t), ..] => {
            Some((Op::CompareConstJumpIfTrue(c, k, t), 3))
        }
        [Op::Compare(c), Op::PopJumpIfTrue(t), ..] => Some((Op::CompareJumpIfTrue(c, t), 2)),
        [Op::LoadFast(x), Op::LoadConst(k), Op::InPlace(b), Op::StoreFast(y), ..] if x == y => {
            Some((Op::UpdateFastConst(b, x, k), 4))
        }
        [Op::LoadFast(x), Op::LoadFast(y), Op::Binary(b), ..] => {
            Some((Op::BinaryFastFast(b, x, y), 3))
        }
        [Op::LoadFast(x), Op::LoadConst(k), Op::DupTwo, Op::BinarySubscr, ..] => {
            Some((Op::LoadFastSubscrConstKeep(x, k), 4))
        }
        [Op::DupTwo, Op::BinarySubscr, ..] => Some((Op::SubscrKeep, 2)),
        [Op::InPlace(b), Op::RotThree, Op::StoreSubscr, ..] => Some((Op::InPlaceStoreSubscr(b), 3)),
        [Op::LoadFast(x), Op::LoadConst(k), Op::Binary(b), ..] => {
            Some((Op::BinaryFastConst(b, x, k), 3))
        }
        [Op::LoadFast(x), Op::Return, ..] => Some((Op::ReturnFast(x), 2)),
        [Op::LoadFast(x), Op::LoadConst(k), Op::BinarySubscr, ..] => {
            Some((Op::LoadFastSubscrConst(x, k), 3))
        }
        [Op::LoadConst(k), Op::BinarySubscr, ..] => Some((Op::SubscrConst(k), 2)),
        [Op::StoreFast(a), Op::LoadFast(b), ..] => Some((Op::StoreFastLoadFast(a, b), 2)),
        [Op::Binary(b), Op::StoreFast(x), ..] => Some((Op::BinaryStoreFast(b, x), 2)),
        [Op::InPlace(b), Op::StoreFast(x), ..] => Some((Op::InPlaceStoreFast(b, x), 2)),
        [Op::LoadConst(k), Op::Binary(b), ..] => Some((Op::BinaryConst(b, k), 2)),
        [Op::LoadConst(k), Op::InPlace(b), ..] => Some((Op::InPlaceConst(b, k), 2)),
        [Op::LoadFast(x), Op::Binary(b), ..] => Some((Op::BinaryFast(b, x), 2)),
        [Op::LoadFast(x), Op::InPlace(b), ..] => Some((Op::InPlaceFast(b, x), 2)),
        [Op::LoadFast(x), Op::LoadAttr(n), ..] => Some((Op::LoadFastAttr(x, n), 2)),
        [Op::LoadFast(a), Op::LoadFast(b), ..] => Some((Op::LoadFastPair(a, b), 2)),
        _ => None,
    }
}

/// Fuses `ops` in place, keeping `lines` and `handlers` in step.
pub(super) fn fuse(ops: &mut Vec<Op>, lines: &mut Vec<u32>, handlers: &mut [Handler]) {
    let n = ops.len();
    let mut boundary = vec![false; n + 1];
    for op in ops.iter() {
        if let Some(t) = op.jump_target() {
            boundary[t as usize] = true;
        }
    }
    for h in handlers.iter() {
        for at in [h.start, h.end, h.target] {
            boundary[at as usize] = true;
        }
    }
    let mut fused = Vec::with_capacity(n);
    let mut fused_lines = Vec::with_capacity(n);
    let mut new_index = vec![0u32; n + 1];
    let mut i = 0;
    while i < n {
        let here = fused.len() as u32;
        let (op, len) = fusion(&ops[i..])
            .filter(|&(_, len)| (i + 1..i + len).all(|j| !boundary[j] && lines[j] == lines[i]))
            .unwrap_or((ops[i], 1));
        new_index[i..i + len].fill(here);
        fused.push(op);
        fused_lines.push(lines[i]);
        i += len;
    }
    new_index[n] = fused.len() as u32;
    for op in &mut fused {
        if let Some(t) = op.jump_target_mut() {
            *t = new_index[*t as usize];
        }
    }
    for h in handlers {
        h.start = new_index[h.start as usize];
        h.end = new_index[h.end as usize];
        h.target = new_index[h.target as usize];
    }
    *ops = fused;
    *lines = fused_lines;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::{BinOp, CmpOp};

    #[test]
    fn fuses_and_renumbers_jumps() {
        let mut ops = vec![
            Op::LoadFast(0),
            Op::LoadConst(0),
            Op::Compare(CmpOp::Lt),
            Op::PopJumpIfFalse(7),
            Op::LoadFast(0),
            Op::LoadConst(1),
            Op::Binary(BinOp::Sub),
            Op::Return,
        ];
        let mut lines = vec![1, 1, 1, 1, 2, 2, 2, 3];
        fuse(&mut ops, &mut lines, &mut []);
        assert_eq!(
            ops,
            vec![
                Op::CompareFastConstJump(CmpOp::Lt, 0, 0, 2),
                Op::BinaryFastConst(BinOp::Sub, 0, 1),
                Op::Return,
            ]
        );
        assert_eq!(lines, vec![1, 2, 3]);
    }

    #[test]
    fn fuses_a_result_stored_to_a_local() {
        let mut ops = vec![
            Op::LoadFastSubscrConst(0, 0),
            Op::LoadFastSubscrConst(1, 0),
            Op::Binary(BinOp::Sub),
            Op::StoreFast(2),
            Op::Return,
        ];
        let mut lines = vec![1; 5];
        fuse(&mut ops, &mut lines, &mut []);
        assert_eq!(ops[2], Op::BinaryStoreFast(BinOp::Sub, 2));
        assert_eq!(ops.len(), 4);
    }

    #[test]
    fn fuses_comparisons_that_jump_when_true() {
        let mut ops = vec![
            Op::LoadFast(0),
            Op::LoadConst(0),
            Op::Compare(CmpOp::Lt),
            Op::PopJumpIfTrue(12),
            Op::LoadGlobal(0),
            Op::LoadConst(0),
            Op::Compare(CmpOp::Lt),
            Op::PopJumpIfTrue(12),
            Op::LoadFast(0),
            Op::LoadFast(1),
            Op::Compare(CmpOp::Gt),
            Op::PopJumpIfTrue(12),
            Op::Return,
        ];
        let mut lines = vec![1; 13];
        fuse(&mut ops, &mut lines, &mut []);
        assert_eq!(
            ops,
            vec![
                Op::CompareFastConstJumpIfTrue(CmpOp::Lt, 0, 0, 5),
                Op::LoadGlobal(0),
                Op::CompareConstJumpIfTrue(CmpOp::Lt, 0, 5),
                Op::LoadFastPair(0, 1),
                Op::CompareJumpIfTrue(CmpOp::Gt, 5),
                Op::Return,
            ]
        );
    }

    #[test]
    fn fused_instructions_stay_three_words() {
        assert_eq!(std::mem::size_of::<Op>(), 12);
    }

    #[test]
    fn local_slots_beyond_sixteen_bits_do_not_fuse_into_comparisons() {
        let mut ops = vec![
            Op::LoadFast(70_000),
            Op::LoadConst(0),
            Op::Compare(CmpOp::Lt),
            Op::PopJumpIfFalse(4),
            Op::LoadFast(70_000),
            Op::Return,
        ];
        let mut lines = vec![1; 6];
        fuse(&mut ops, &mut lines, &mut []);
        assert_eq!(
            ops,
            vec![
                Op::LoadFast(70_000),
                Op::CompareConstJump(CmpOp::Lt, 0, 2),
                Op::ReturnFast(70_000),
            ]
        );
    }

    #[test]
    fn keeps_jump_targets_and_line_changes_apart() {
        let mut ops = vec![
            Op::Jump(2),
            Op::LoadFast(0),
            Op::LoadFast(1),
            Op::LoadFast(2),
            Op::LoadFast(3),
            Op::Return,
        ];
        let mut lines = vec![1, 1, 1, 1, 2, 2];
        let mut handlers = [Handler {
            start: 1,
            end: 5,
            target: 5,
            depth: 0,
            handling: 0,
        }];
        fuse(&mut ops, &mut lines, &mut handlers);
        assert_eq!(
            ops,
            vec![
                Op::Jump(2),
                Op::LoadFast(0),
                Op::LoadFastPair(1, 2),
                Op::LoadFast(3),
                Op::Return,
            ]
        );
        assert_eq!((handlers[0].start, handlers[0].end), (1, 4));
    }

    #[test]
    fn augmented_item_assignment_becomes_three_instructions() {
        // `a[1] -= x * y`
        let mut ops = vec![
            Op::LoadFast(0),
            Op::LoadConst(0),
            Op::DupTwo,
            Op::BinarySubscr,
            Op::LoadFast(1),
            Op::LoadFast(2),
            Op::Binary(BinOp::Mult),
            Op::InPlace(BinOp::Sub),
            Op::RotThree,
            Op::StoreSubscr,
            Op::Return,
        ];
        let mut lines = vec![1; 11];
        fuse(&mut ops, &mut lines, &mut []);
        assert_eq!(
            ops,
            vec![
                Op::LoadFastSubscrConstKeep(0, 0),
                Op::BinaryFastFast(BinOp::Mult, 1, 2),
                Op::InPlaceStoreSubscr(BinOp::Sub),
                Op::Return,
            ]
        );
    }
}
