//! The operand-stack depth at every instruction of a code object, worked out and checked when
//! the code is loaded (as CPython's `co_stacksize`). With it a frame reserves its whole operand
//! stack when it starts, and the dispatch loop pushes and pops without checking either end.
//!
//! The walk follows every path from the first instruction and from each exception handler:
//! every instruction must be reached at one depth only, never pop more than the depth it is
//! reached at, and a handler's depth must be at most that of each instruction it protects (it
//! truncates the stack to its depth before pushing the exception).

use super::bytecode::{Code, Const, Op};
use super::{HAS_ANNOTATIONS, HAS_KWDEFAULTS};

/// What an instruction does to the operand stack: how many operands it takes (it needs at
/// least that many), and the depth change when it goes on to the next instruction and when it
/// jumps to its target.
#[derive(Clone, Copy, Debug, PartialEq)]
struct StackEffect {
    needs: u32,
    next: i64,
    jump: i64,
}

const fn effect(needs: u32, next: i64) -> StackEffect {
    StackEffect {
        needs,
        next,
        jump: next,
    }
}

const fn branch(needs: u32, next: i64, jump: i64) -> StackEffect {
    StackEffect { needs, next, jump }
}

/// The stack effect of `op` in `code` (a `MakeFunction` takes its closure's cells, whose count
/// is in the code constant it names).
fn stack_effect(op: Op, code: &Code) -> StackEffect {
    let n = |count: u32| i64::from(count);
    match op {
        Op::LoadConst(_)
        | Op::LoadFast(_)
        | Op::LoadGlobal(_)
        | Op::LoadDeref(_)
        | Op::LoadClosure(_)
        | Op::LoadName(_)
        | Op::LoadBuiltinException(_)
        | Op::ImportName(_)
        | Op::LoadFastAttr(..)
        | Op::BinaryFastFast(..)
        | Op::BinaryFastConst(..)
        | Op::LoadFastSubscrConst(..)
        | Op::AsyncExitWith(_) => effect(0, 1),
        Op::LoadFastPair(..) => effect(0, 2),
        Op::LoadFastSubscrConstKeep(..) => effect(0, 3),
        Op::StoreFast(_)
        | Op::StoreGlobal(_)
        | Op::StoreDeref(_)
        | Op::StoreName(_)
        | Op::DeleteAttr(_)
        | Op::Pop
        | Op::PopDropIterator
        | Op::PushExcept => effect(1, -1),
        Op::LoadAttr(_)
        | Op::Unary(_)
        | Op::GetIter
        | Op::GetYieldFromIter
        | Op::Await
        | Op::GetAIter
        | Op::BeforeAsyncWith(_)
        | Op::AsyncExitWithException(_)
        | Op::ListToTuple
        | Op::ListToSet
        | Op::BeforeWith(_)
        | Op::ExitWithException(_)
        | Op::Yield
        | Op::BinaryConst(..)
        | Op::InPlaceConst(..)
        | Op::BinaryFast(..)
        | Op::InPlaceFast(..)
        | Op::StoreFastLoadFast(..)
        | Op::SubscrConst(_) => effect(1, 0),
        Op::Binary(_) | Op::InPlace(_) | Op::Compare(_) | Op::BinarySubscr => effect(2, -1),
        Op::Jump(_)
        | Op::DeleteFast(_)
        | Op::DeleteGlobal(_)
        | Op::DeleteName(_)
        | Op::PopExcept
        | Op::ExitWith(_)
        | Op::UpdateFastConst(..)
        | Op::CompareFastConstJump(..)
        | Op::CompareFastConstJumpIfTrue(..)
        | Op::ReturnFast(_) => effect(0, 0),
        Op::PopJumpIfFalse(_)
        | Op::PopJumpIfTrue(_)
        | Op::CompareConstJump(..)
        | Op::CompareConstJumpIfTrue(..) => effect(1, -1),
        Op::CompareJump(..) | Op::CompareJumpIfTrue(..) => effect(2, -2),
        Op::JumpIfFalseOrPop(_) | Op::JumpIfTrueOrPop(_) => branch(1, -1, 0),
        Op::ForIter(_) => branch(1, 1, -1),
        Op::GetANext => effect(1, 1),
        Op::EndAsyncFor(_) => branch(2, 0, -2),
        Op::YieldFrom(_) => branch(2, 0, -1),
        Op::Call(argc) | Op::CallKw(argc, _) => effect(argc + 1, -n(argc)),
        Op::CallMethod(argc) | Op::CallMethodKw(argc, _) => effect(argc + 2, -n(argc) - 1),
        Op::CallEx(has_kwargs) => {
            let extra = u32::from(has_kwargs);
            effect(2 + extra, -1 - n(extra))
        }
        Op::Return | Op::Raise | Op::Reraise => effect(1, -1),
        Op::RaiseFrom => effect(2, -2),
        Op::Dup => effect(1, 1),
        Op::Swap => effect(2, 0),
        Op::RotThree => effect(3, 0),
        Op::DupTwo => effect(2, 2),
        Op::SubscrKeep => effect(2, 1),
        Op::UnpackSequence(count) => effect(1, n(count) - 1),
        Op::UnpackEx(before, after) => effect(1, n(before) + n(after)),
        Op::StoreSubscr => effect(3, -3),
        Op::DeleteSubscr
        | Op::StoreAttr(_)
        | Op::BinaryStoreFast(..)
        | Op::InPlaceStoreFast(..) => effect(2, -2),
        Op::InPlaceStoreSubscr(_) => effect(4, -4),
        Op::BuildSlice => effect(3, -2),
        Op::BuildMap(pairs) => effect(2 * pairs, 1 - 2 * n(pairs)),
        Op::BuildString(count)
        | Op::BuildTuple(count)
        | Op::BuildList(count)
        | Op::BuildSet(count)
        | Op::BuildConstSet(count) => effect(count, 1 - n(count)),
        Op::CheckExcMatch => effect(2, 0),
        Op::CheckEgMatch => effect(2, 0),
        Op::PrepReraiseStar => effect(2, -1),
        Op::ListAppend(depth)
        | Op::SetAdd(depth)
        | Op::ListExtend(depth)
        | Op::DictMerge(depth)
        | Op::DictUpdate(depth) => effect(depth + 1, -1),
        Op::MapAdd(depth) => effect(depth + 2, -2),
        Op::FormatValue(_, has_spec) => {
            let spec = u32::from(has_spec);
            effect(1 + spec, -n(spec))
        }
        Op::MakeFunction(c, flags) => {
            let cells = match code.consts.get(c as usize) {
                Some(Const::Code(f)) => f.freevars.len() as u32,
                _ => 0,
            };
            let dicts =
                u32::from(flags & HAS_KWDEFAULTS != 0) + u32::from(flags & HAS_ANNOTATIONS != 0);
            let taken = cells + dicts + (flags & !(HAS_KWDEFAULTS | HAS_ANNOTATIONS));
            effect(taken, 1 - n(taken))
        }
        Op::ImportFrom(_) => effect(1, 1),
        Op::LoadMethod(..) => effect(1, 1),
        Op::BuildClass(argc, _) => effect(argc + 2, -n(argc) - 1),
    }
}

/// The most operands `code` ever has on its stack, after checking that every path through it
/// keeps the depth consistent (see the module docs).
pub fn max_depth(code: &Code) -> Result<u32, String> {
    let problem = |at: usize, what: &str| format!("{}: {what} at {at}", code.qualname);
    let mut depths: Vec<Option<i64>> = vec![None; code.ops.len()];
    let mut pending = vec![(0usize, 0i64)];
    let mut deepest = 0i64;
    while let Some((at, depth)) = pending.pop() {
        let Some(&op) = code.ops.get(at) else {
            return Err(problem(at, "flow past the end"));
        };
        match depths[at] {
            Some(d) if d == depth => continue,
            Some(_) => return Err(problem(at, "inconsistent stack depth")),
            None => depths[at] = Some(depth),
        }
        deepest = deepest.max(depth);
        let effect = stack_effect(op, code);
        if depth < i64::from(effect.needs) {
            return Err(problem(at, "operand stack underflow"));
        }
        for h in &code.handlers {
            if (h.start as usize..h.end as usize).contains(&at) {
                if i64::from(h.depth) > depth {
                    return Err(problem(at, "handler deeper than the code it protects"));
                }
                pending.push((h.target as usize, i64::from(h.depth) + 1));
            }
        }
        if !op.ends_flow() {
            pending.push((at + 1, depth + effect.next));
        }
        if let Some(target) = op.jump_target() {
            pending.push((target as usize, depth + effect.jump));
        }
    }
    u32::try_from(deepest).map_err(|_| problem(0, "stack too deep"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::Handler;
    use crate::compile_source;

    fn code(ops: Vec<Op>) -> Code {
        let mut code = (*compile_source("t.py", "x = 1\n").unwrap()).clone();
        code.lines = vec![1; ops.len()];
        code.ops = ops;
        code
    }

    #[test]
    fn depth_is_the_deepest_point_of_any_path() {
        let c = code(vec![
            Op::LoadConst(0),
            Op::LoadConst(0),
            Op::Binary(crate::syntax::ast::BinOp::Add),
            Op::Return,
        ]);
        assert_eq!(max_depth(&c), Ok(2));
    }

    #[test]
    fn underflow_and_inconsistent_joins_are_refused() {
        assert!(max_depth(&code(vec![Op::Pop, Op::LoadConst(0), Op::Return])).is_err());
        let join = code(vec![
            Op::LoadConst(0),
            Op::PopJumpIfFalse(3),
            Op::LoadConst(0),
            Op::LoadConst(0),
            Op::Return,
        ]);
        assert!(max_depth(&join).is_err());
    }

    #[test]
    fn a_handler_enters_at_its_depth_plus_the_exception() {
        let mut c = code(vec![
            Op::LoadConst(0),
            Op::Return,
            Op::Pop,
            Op::LoadConst(0),
            Op::Return,
        ]);
        c.handlers.push(Handler {
            start: 0,
            end: 2,
            target: 2,
            depth: 0,
            handling: 0,
        });
        assert_eq!(max_depth(&c), Ok(1));
        c.handlers[0].depth = 1;
        assert!(max_depth(&c).is_err(), "deeper than the first instruction");
    }
}
