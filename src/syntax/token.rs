//! The tokens the lexer hands to the parser.

use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use super::span::Span;

/// An integer literal: a machine word when it fits, arbitrary precision beyond.
#[derive(Clone, Debug, PartialEq)]
pub enum IntLit {
    Small(i64),
    Big(Rc<BigInt>),
}

/// One piece of an f-string as the lexer splits it; replacement fields are parsed later.
#[derive(Clone, Debug, PartialEq)]
pub enum FPiece {
    Literal(String),
    Field(Rc<FFieldSrc>),
}

/// The raw parts of one f-string replacement field `{expr=!r:spec}`.
#[derive(Clone, Debug, PartialEq)]
pub struct FFieldSrc {
    /// The expression's source (absolute span into the file).
    pub expr: Span,
    /// `Some("x=")`-style text for the `=` specifier: the expression text with the `=` and spaces.
    pub debug_text: Option<String>,
    pub conversion: Option<char>,
    pub spec: Option<Vec<FPiece>>,
}

/// The value of one string literal token.
#[derive(Clone, Debug, PartialEq)]
pub enum StrValue {
    Str(String),
    Bytes(Vec<u8>),
    FString(Vec<FPiece>),
}

macro_rules! tokens {
    ($($variant:ident => $text:literal,)*) => {
        /// A token. Payload-free variants are keywords, operators and layout.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Tok {
            Name(Rc<str>),
            Int(IntLit),
            Float(f64),
            Imaginary(f64),
            Str(Rc<StrValue>),
            Newline,
            Indent,
            Dedent,
            /// Selects the file grammar; first token of every module parse.
            StartModule,
            /// Selects the expression grammar (f-string fields).
            StartExpression,
            /// ASCII punctuation Python has no use for (`$`, `?`, `!`): no rule accepts it.
            Unknown(char),
            $($variant,)*
        }

        impl Tok {
            /// The fixed source text of a keyword or operator token.
            pub fn fixed_text(&self) -> Option<&'static str> {
                match self {
                    $(Tok::$variant => Some($text),)*
                    _ => None,
                }
            }
        }
    };
}

tokens! {
    False => "False", None => "None", True => "True", And => "and", As => "as",
    Assert => "assert", Async => "async", Await => "await", Break => "break", Class => "class",
    Continue => "continue", Def => "def", Del => "del", Elif => "elif", Else => "else",
    Except => "except", Finally => "finally", For => "for", From => "from", Global => "global",
    If => "if", Import => "import", In => "in", Is => "is", Lambda => "lambda",
    Nonlocal => "nonlocal", Not => "not", Or => "or", Pass => "pass", Raise => "raise",
    Return => "return", Try => "try", While => "while", With => "with", Yield => "yield",
    Plus => "+", Minus => "-", Star => "*", DoubleStar => "**", Slash => "/",
    DoubleSlash => "//", Percent => "%", At => "@", LeftShift => "<<", RightShift => ">>",
    Amper => "&", VBar => "|", Caret => "^", Tilde => "~", ColonEqual => ":=", Less => "<",
    Greater => ">", LessEqual => "<=", GreaterEqual => ">=", EqEqual => "==", NotEqual => "!=",
    LPar => "(", RPar => ")", LSqb => "[", RSqb => "]", LBrace => "{", RBrace => "}",
    Comma => ",", Colon => ":", Dot => ".", Semi => ";", Equal => "=", RArrow => "->",
    PlusEqual => "+=", MinusEqual => "-=", StarEqual => "*=", DoubleStarEqual => "**=",
    SlashEqual => "/=", DoubleSlashEqual => "//=", PercentEqual => "%=", AtEqual => "@=",
    AmperEqual => "&=", VBarEqual => "|=", CaretEqual => "^=", LeftShiftEqual => "<<=",
    RightShiftEqual => ">>=", Ellipsis => "...",
}

impl Tok {
    /// The keyword token for `word`, if it is one of Python's hard keywords.
    pub fn keyword(word: &str) -> Option<Tok> {
        Some(match word {
            "False" => Tok::False,
            "None" => Tok::None,
            "True" => Tok::True,
            "and" => Tok::And,
            "as" => Tok::As,
            "assert" => Tok::Assert,
            "async" => Tok::Async,
            "await" => Tok::Await,
            "break" => Tok::Break,
            "class" => Tok::Class,
            "continue" => Tok::Continue,
            "def" => Tok::Def,
            "del" => Tok::Del,
            "elif" => Tok::Elif,
            "else" => Tok::Else,
            "except" => Tok::Except,
            "finally" => Tok::Finally,
            "for" => Tok::For,
            "from" => Tok::From,
            "global" => Tok::Global,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "is" => Tok::Is,
            "lambda" => Tok::Lambda,
            "nonlocal" => Tok::Nonlocal,
            "not" => Tok::Not,
            "or" => Tok::Or,
            "pass" => Tok::Pass,
            "raise" => Tok::Raise,
            "return" => Tok::Return,
            "try" => Tok::Try,
            "while" => Tok::While,
            "with" => Tok::With,
            "yield" => Tok::Yield,
            _ => return None,
        })
    }

    pub fn is_keyword(&self) -> bool {
        self.fixed_text()
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()))
    }
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Name(n) => write!(f, "{n}"),
            Tok::Int(_) | Tok::Float(_) | Tok::Imaginary(_) => f.write_str("number"),
            Tok::Str(_) => f.write_str("string"),
            Tok::Newline => f.write_str("newline"),
            Tok::Indent => f.write_str("indent"),
            Tok::Dedent => f.write_str("dedent"),
            Tok::StartModule | Tok::StartExpression => f.write_str("start"),
            Tok::Unknown(c) => write!(f, "{c}"),
            other => f.write_str(other.fixed_text().unwrap_or("?")),
        }
    }
}

/// A token with its byte span.
pub type SpannedTok = (Span, Tok);
