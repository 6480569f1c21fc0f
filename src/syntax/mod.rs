//! The front end: lexer, parser, AST and the compile-time checks CPython makes.

pub mod actions;
pub mod ast;
pub mod check;
mod error;
mod lexer;
mod numbers;
mod parser;
mod source;
mod span;
mod strings;
pub mod symtable;
mod token;

pub use error::{line_at, ErrorKind, SyntaxError};
pub use lexer::{lex_expression, lex_module, LexError, LexStop, Lexed};
pub use parser::{parse_expression, parse_module};
pub use source::decode_source;
pub use span::Span;
pub use token::{FFieldSrc, FPiece, IntLit, SpannedTok, StrValue, Tok};
