//! The compiler: AST → code objects of compact stack bytecode, with locals in slots.

pub mod bytecode;
mod compiler;
mod expressions;
mod functions;
mod peephole;
mod stack_depth;
mod statements;

pub use bytecode::{Code, Const, Handler, Op};
pub use compiler::compile_module;
pub use functions::{HAS_ANNOTATIONS, HAS_KWDEFAULTS};
