//! Readable dumps of the front end's stages: `--dump-tokens` and `--dump-ast`.
//!
//! Both write to any [`fmt::Write`], so the engine stays free of I/O: the `node` binary streams
//! them to standard output through an adapter, the tests collect them in a `String`.
//!
//! Positions are printed as `line:column`, 1-based, with columns counted in UTF-16 code units
//! (see [`Position`]); a span is `line:column-line:column`, its end just past its last
//! character.

use crate::ast::{
    Expr, ExprKind, ForInTarget, ForInit, Function, FunctionKind, LexicalKind, Program, Property,
    PropertyKey, PropertyValue, Span, Stmt, StmtKind, SwitchCase, VarDecl,
};
use crate::error::{LineIndex, Position, SyntaxError};
use crate::lexer::Lexer;
use crate::token::Tok;
use bumpalo::Bump;
use std::char::DecodeUtf16Error;
use std::fmt::{self, Write as _};

/// Why a token dump stopped early.
#[derive(Debug)]
pub enum DumpError {
    /// The source has a lexical error; the tokens before it were written.
    Syntax(SyntaxError),
    /// The output refused to take more text.
    Write(fmt::Error),
}

impl From<SyntaxError> for DumpError {
    fn from(error: SyntaxError) -> DumpError {
        DumpError::Syntax(error)
    }
}

impl From<fmt::Error> for DumpError {
    fn from(error: fmt::Error) -> DumpError {
        DumpError::Write(error)
    }
}

/// Writes the tokens of `source`, one per line:
///
/// ```text
/// 1:1      var                  var
/// 1:5      identifier x         x
/// 2:1      string "a"           'a'  [NL]
/// ```
///
/// The position, the kind (the keyword or punctuator itself, or `identifier`, `number`,
/// `string`, `regex` with the decoded value), the source text, and `[NL]` when a line
/// terminator came before the token (what automatic semicolon insertion looks at). Line
/// terminators and control characters in values and text are shown as escapes.
///
/// # Errors
/// The lexer's first error (the tokens before it are written), or the output's.
pub fn dump_tokens(source: &str, arena: &Bump, out: &mut impl fmt::Write) -> Result<(), DumpError> {
    let index = LineIndex::new(source);
    let mut kind = String::new();
    let mut text = String::new();
    for token in Lexer::new(source, arena) {
        let token = token?;
        kind.clear();
        describe_token(&token.tok, &mut kind)?;
        text.clear();
        let raw = source
            .get(token.span.start as usize..token.span.end as usize)
            .unwrap_or("");
        escape_into(raw.chars(), &mut text)?;
        let position = index.position(token.span.start as usize).to_string();
        write!(out, "{position:<8} {kind:<20} {text}")?;
        if token.newline_before {
            out.write_str("  [NL]")?;
        }
        out.write_char('\n')?;
    }
    Ok(())
}

/// The kind column of a token: the keyword or punctuator, or the literal kind and its value.
fn describe_token(tok: &Tok<'_>, out: &mut String) -> fmt::Result {
    match tok {
        Tok::Ident(ident) => {
            out.push_str("identifier ");
            escape_into(ident.name.chars(), out)
        }
        Tok::Number(number) => write!(out, "number {}", format_number(number.value)),
        Tok::String(string) => {
            out.push_str("string ");
            quote_utf16(string.value, out)
        }
        Tok::Regex(regex) => {
            out.push_str("regex /");
            escape_utf16_into(regex.pattern, out)?;
            out.push('/');
            escape_into(regex.flags.chars(), out)
        }
        other => {
            out.push_str(other.describe());
            Ok(())
        }
    }
}

/// Writes the syntax tree of `program`, one node per line, children indented under their
/// parent:
///
/// ```text
/// Program 1:1-3:2 (strict)
///   VarStatement 1:1-1:11
///     VarDecl x 1:5-1:10
///       Number 1 1:9-1:10
/// ```
///
/// Each line holds the node's kind, its key attributes (operator, name, literal value), its
/// span, and flags in parentheses. Where a child's role is not clear from its place it is
/// labelled (`else:`, `init:`, `test:`, `update:`). The statement lists of `try` and `finally`
/// have no span of their own in the tree, so their lines (`Block`, `Finally`) show none.
///
/// The walk uses an explicit stack rather than recursion, so no tree is too deep to dump. Past
/// [`MAX_INDENT`] levels the indentation stops growing and the depth is printed instead,
/// so that the output stays proportional to the tree.
///
/// # Errors
/// The output's error, if it refuses text.
pub fn dump_ast<'a>(program: &Program<'a>, source: &str, out: &mut impl fmt::Write) -> fmt::Result {
    let index = LineIndex::new(source);
    let mut line = String::new();
    write!(line, "Program {}", SpanText(&index, program.span))?;
    if program.use_strict {
        line.push_str(" (strict)");
    }
    writeln!(out, "{line}")?;

    let mut stack: Vec<Entry<'a>> = Vec::new();
    push_children(&mut stack, 1, stmts(program.body));
    while let Some(entry) = stack.pop() {
        line.clear();
        indent(&mut line, entry.depth)?;
        if let Some(label) = entry.label {
            line.push_str(label);
            line.push_str(": ");
        }
        let children = describe_node(entry.node, &index, &mut line)?;
        writeln!(out, "{line}")?;
        push_children(&mut stack, entry.depth + 1, children);
    }
    Ok(())
}

/// Indentation stops growing past this depth (see [`dump_ast`]).
pub const MAX_INDENT: usize = 64;

fn indent(line: &mut String, depth: usize) -> fmt::Result {
    for _ in 0..depth.min(MAX_INDENT) {
        line.push_str("  ");
    }
    if depth > MAX_INDENT {
        write!(line, "[depth {depth}] ")?;
    }
    Ok(())
}

/// A node waiting on the walk's stack.
struct Entry<'a> {
    depth: usize,
    label: Option<&'static str>,
    node: Node<'a>,
}

/// Anything [`dump_ast`] prints a line for.
#[derive(Clone, Copy)]
enum Node<'a> {
    Stmt(&'a Stmt<'a>),
    Expr(&'a Expr<'a>),
    VarDecl(&'a VarDecl<'a>),
    /// The declarations of `for (var a, b; ...)`.
    VarList(&'a [VarDecl<'a>]),
    Function(&'a Function<'a>),
    Case(&'a SwitchCase<'a>),
    Property(&'a Property<'a>),
    /// A hole in an array literal: `[a, , b]`.
    Hole,
    /// A catch clause: parameter, span, body.
    Catch(&'a str, Span, &'a [Stmt<'a>]),
    /// A statement list without a span of its own (the blocks of `try`), under a name.
    Group(&'static str, &'a [Stmt<'a>]),
}

/// The children of a node, in source order, each with an optional role label.
type Children<'a> = Vec<(Option<&'static str>, Node<'a>)>;

/// Pushes `children` so that they pop in source order.
fn push_children<'a>(
    stack: &mut Vec<Entry<'a>>,
    depth: usize,
    children: impl IntoIterator<Item = (Option<&'static str>, Node<'a>)>,
) {
    let mark = stack.len();
    stack.extend(
        children
            .into_iter()
            .map(|(label, node)| Entry { depth, label, node }),
    );
    stack[mark..].reverse();
}

/// A span printed as `line:column-line:column`.
struct SpanText<'i, 's>(&'i LineIndex<'s>, Span);

impl fmt::Display for SpanText<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (start, end): (Position, Position) = self.0.span(self.1);
        write!(f, "{start}-{end}")
    }
}

fn stmts<'a>(list: &'a [Stmt<'a>]) -> impl Iterator<Item = (Option<&'static str>, Node<'a>)> {
    list.iter().map(|s| (None, Node::Stmt(s)))
}

fn exprs<'a>(list: &'a [&'a Expr<'a>]) -> impl Iterator<Item = (Option<&'static str>, Node<'a>)> {
    list.iter().map(|&e| (None, Node::Expr(e)))
}

/// Appends a node's kind, attributes, span and flags to `line`, and returns its children.
fn describe_node<'a>(
    node: Node<'a>,
    index: &LineIndex<'_>,
    line: &mut String,
) -> Result<Children<'a>, fmt::Error> {
    let mut children: Children<'a> = Vec::new();
    let span = match node {
        Node::Stmt(Stmt {
            kind: StmtKind::FunctionDecl(function),
            ..
        }) => {
            // A function declaration's line is the function's own (same span).
            return describe_node(Node::Function(function), index, line);
        }
        Node::Stmt(stmt) => {
            describe_stmt(stmt, line, &mut children)?;
            Some(stmt.span)
        }
        Node::Expr(expr) => {
            return describe_expr(expr, index, line);
        }
        Node::VarDecl(decl) => {
            write!(line, "VarDecl {}", decl.name.name)?;
            children.extend(decl.init.map(|e| (None, Node::Expr(e))));
            Some(decl.span)
        }
        Node::VarList(decls) => {
            line.push_str("Var");
            children.extend(decls.iter().map(|d| (None, Node::VarDecl(d))));
            match (decls.first(), decls.last()) {
                (Some(first), Some(last)) => Some(first.span.to(last.span)),
                _ => None,
            }
        }
        Node::Function(function) => {
            describe_function(function, line)?;
            children.extend(stmts(function.body));
            write!(line, " {}", SpanText(index, function.span))?;
            if function.use_strict {
                line.push_str(" (strict)");
            }
            None
        }
        Node::Case(case) => {
            match case.test {
                Some(test) => {
                    line.push_str("Case");
                    children.push((Some("test"), Node::Expr(test)));
                }
                None => line.push_str("Default"),
            }
            children.extend(stmts(case.body));
            Some(case.span)
        }
        Node::Property(property) => {
            line.push_str("Property ");
            let value = match property.value {
                PropertyValue::Init(e) => Node::Expr(e),
                PropertyValue::Getter(f) => {
                    line.push_str("get ");
                    Node::Function(f)
                }
                PropertyValue::Setter(f) => {
                    line.push_str("set ");
                    Node::Function(f)
                }
            };
            match property.key {
                PropertyKey::Ident(ident) => line.push_str(ident.name),
                PropertyKey::String(string, _) => quote_utf16(string.value, line)?,
                PropertyKey::Number(number, _) => line.push_str(&format_number(number.value)),
            }
            children.push((None, value));
            Some(property.span)
        }
        Node::Hole => {
            line.push_str("Hole");
            None
        }
        Node::Catch(param, span, body) => {
            write!(line, "Catch {param}")?;
            children.extend(stmts(body));
            Some(span)
        }
        Node::Group(name, body) => {
            line.push_str(name);
            children.extend(stmts(body));
            None
        }
    };
    if let Some(span) = span {
        write!(line, " {}", SpanText(index, span))?;
    }
    Ok(children)
}

fn describe_function(function: &Function<'_>, line: &mut String) -> fmt::Result {
    line.push_str(match function.kind {
        FunctionKind::Declaration => "FunctionDeclaration",
        FunctionKind::Expression => "FunctionExpression",
        FunctionKind::Getter => "Getter",
        FunctionKind::Setter => "Setter",
        FunctionKind::Arrow => "ArrowFunction",
        FunctionKind::Method => "Method",
    });
    if let Some(name) = function.name {
        write!(line, " {}", name.name)?;
    }
    line.push_str(" (");
    for (i, param) in function.params.iter().enumerate() {
        if i > 0 {
            line.push_str(", ");
        }
        line.push_str(param.name);
    }
    line.push(')');
    Ok(())
}

fn describe_stmt<'a>(
    stmt: &'a Stmt<'a>,
    line: &mut String,
    children: &mut Children<'a>,
) -> fmt::Result {
    let e = |expr: &'a Expr<'a>| Node::Expr(expr);
    let s = |stmt: &'a Stmt<'a>| Node::Stmt(stmt);
    match &stmt.kind {
        StmtKind::Block(body) => {
            line.push_str("Block");
            children.extend(stmts(body));
        }
        StmtKind::Var(decls) => {
            line.push_str("VarStatement");
            children.extend(decls.iter().map(|d| (None, Node::VarDecl(d))));
        }
        StmtKind::Lexical { kind, decls } => {
            line.push_str(match kind {
                LexicalKind::Let => "LetDeclaration",
                LexicalKind::Const => "ConstDeclaration",
            });
            children.extend(decls.iter().map(|d| (None, Node::VarDecl(d))));
        }
        StmtKind::Empty => line.push_str("Empty"),
        StmtKind::Expr(expr) => {
            line.push_str("ExpressionStatement");
            children.push((None, e(expr)));
        }
        StmtKind::If {
            test,
            then,
            otherwise,
        } => {
            line.push_str("If");
            children.push((None, e(test)));
            children.push((None, s(then)));
            children.extend(otherwise.map(|o| (Some("else"), s(o))));
        }
        StmtKind::DoWhile { body, test } => {
            line.push_str("DoWhile");
            children.push((None, s(body)));
            children.push((None, e(test)));
        }
        StmtKind::While { test, body } => {
            line.push_str("While");
            children.push((None, e(test)));
            children.push((None, s(body)));
        }
        StmtKind::For {
            init,
            test,
            update,
            body,
        } => {
            line.push_str("For");
            match init {
                Some(ForInit::Var(decls) | ForInit::Lexical { decls, .. }) => {
                    children.push((Some("init"), Node::VarList(decls)))
                }
                Some(ForInit::Expr(expr)) => children.push((Some("init"), e(expr))),
                None => {}
            }
            children.extend(test.map(|t| (Some("test"), e(t))));
            children.extend(update.map(|u| (Some("update"), e(u))));
            children.push((None, s(body)));
        }
        StmtKind::ForIn {
            target,
            object,
            body,
        } => {
            line.push_str("ForIn");
            children.push((
                None,
                match target {
                    ForInTarget::Var(decl) | ForInTarget::Lexical { decl, .. } => {
                        Node::VarDecl(decl)
                    }
                    ForInTarget::Expr(expr) => e(expr),
                },
            ));
            children.push((None, e(object)));
            children.push((None, s(body)));
        }
        StmtKind::Continue(label) | StmtKind::Break(label) => {
            line.push_str(if matches!(stmt.kind, StmtKind::Continue(_)) {
                "Continue"
            } else {
                "Break"
            });
            if let Some(label) = label {
                write!(line, " {}", label.name)?;
            }
        }
        StmtKind::Return(value) => {
            line.push_str("Return");
            children.extend(value.map(|v| (None, e(v))));
        }
        StmtKind::With { object, body } => {
            line.push_str("With");
            children.push((None, e(object)));
            children.push((None, s(body)));
        }
        StmtKind::Switch {
            discriminant,
            cases,
        } => {
            line.push_str("Switch");
            children.push((None, e(discriminant)));
            children.extend(cases.iter().map(|c| (None, Node::Case(c))));
        }
        StmtKind::Labeled { label, body } => {
            write!(line, "Labeled {}", label.name)?;
            children.push((None, s(body)));
        }
        StmtKind::Throw(value) => {
            line.push_str("Throw");
            children.push((None, e(value)));
        }
        StmtKind::Try {
            block,
            handler,
            finalizer,
        } => {
            line.push_str("Try");
            children.push((None, Node::Group("Block", block)));
            if let Some(handler) = handler {
                let catch = Node::Catch(handler.param.name, handler.span, handler.body);
                children.push((None, catch));
            }
            children.extend(finalizer.map(|f| (None, Node::Group("Finally", f))));
        }
        StmtKind::Debugger => line.push_str("Debugger"),
        StmtKind::FunctionDecl(function) => {
            // Normally described by `describe_node`; kept complete for the match.
            describe_function(function, line)?;
            children.extend(stmts(function.body));
        }
    }
    Ok(())
}

fn describe_expr<'a>(
    expr: &'a Expr<'a>,
    index: &LineIndex<'_>,
    line: &mut String,
) -> Result<Children<'a>, fmt::Error> {
    let mut children: Children<'a> = Vec::new();
    let e = |expr: &'a Expr<'a>| (None, Node::Expr(expr));
    let mut flags = "";
    match &expr.kind {
        ExprKind::This => line.push_str("This"),
        ExprKind::Ident(ident) => write!(line, "Ident {}", ident.name)?,
        ExprKind::Null => line.push_str("Null"),
        ExprKind::Bool(value) => write!(line, "Boolean {value}")?,
        ExprKind::Number(number) => {
            write!(line, "Number {}", format_number(number.value))?;
            if number.legacy_octal {
                flags = " (legacy octal)";
            }
        }
        ExprKind::String(string) => {
            line.push_str("String ");
            quote_utf16(string.value, line)?;
            if string.has_octal_escape {
                flags = " (octal escape)";
            }
        }
        ExprKind::Regex(regex) => {
            line.push_str("Regex /");
            escape_utf16_into(regex.pattern, line)?;
            line.push('/');
            escape_into(regex.flags.chars(), line)?;
        }
        ExprKind::Array(elements) => {
            line.push_str("Array");
            children.extend(elements.iter().map(|element| match element {
                Some(value) => e(value),
                None => (None, Node::Hole),
            }));
        }
        ExprKind::Object(properties) => {
            line.push_str("Object");
            children.extend(properties.iter().map(|p| (None, Node::Property(p))));
        }
        ExprKind::Function(function) => {
            // A function expression's line is the function's own.
            return describe_node(Node::Function(function), index, line);
        }
        ExprKind::Unary { op, argument } => {
            write!(line, "Unary {}", op.as_str())?;
            children.push(e(argument));
        }
        ExprKind::Update { op, prefix, target } => {
            let fix = if *prefix { "prefix" } else { "postfix" };
            write!(line, "Update {} {fix}", op.as_str())?;
            children.push(e(target));
        }
        ExprKind::Binary { op, left, right } => {
            write!(line, "Binary {}", op.as_str())?;
            children.extend([e(left), e(right)]);
        }
        ExprKind::Logical { op, left, right } => {
            write!(line, "Logical {}", op.as_str())?;
            children.extend([e(left), e(right)]);
        }
        ExprKind::Assign { op, target, value } => {
            write!(line, "Assign {}", op.as_str())?;
            children.extend([e(target), e(value)]);
        }
        ExprKind::Conditional {
            test,
            then,
            otherwise,
        } => {
            line.push_str("Conditional");
            children.extend([e(test), e(then), e(otherwise)]);
        }
        ExprKind::Call { callee, arguments } => {
            line.push_str("Call");
            children.push(e(callee));
            children.extend(exprs(arguments));
        }
        ExprKind::New { callee, arguments } => {
            line.push_str("New");
            children.push(e(callee));
            children.extend(exprs(arguments));
        }
        ExprKind::Member { object, property } => {
            write!(line, "Member .{}", property.name)?;
            children.push(e(object));
        }
        ExprKind::Index { object, index } => {
            line.push_str("Index");
            children.extend([e(object), e(index)]);
        }
        ExprKind::Sequence(list) => {
            line.push_str("Sequence");
            children.extend(exprs(list));
        }
    }
    write!(line, " {}{flags}", SpanText(index, expr.span))?;
    Ok(children)
}

/// A number as JavaScript would print it, near enough for a dump: integers without a
/// fraction, exponent notation for very large and very small magnitudes.
fn format_number(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_string()
    } else if value.is_infinite() {
        if value > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
    } else if value != 0.0 && (value.abs() >= 1e21 || value.abs() < 1e-6) {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}

/// Writes UTF-16 code units as a double-quoted string; lone surrogates show as `\uXXXX`.
fn quote_utf16(units: &[u16], out: &mut String) -> fmt::Result {
    out.push('"');
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok('"') => out.push_str("\\\""),
            Ok('\\') => out.push_str("\\\\"),
            other => escape_decoded(other, out)?,
        }
    }
    out.push('"');
    Ok(())
}

/// Writes UTF-16 `units` as [`escape_into`] writes characters (a regular expression's pattern).
fn escape_utf16_into(units: &[u16], out: &mut String) -> fmt::Result {
    for decoded in char::decode_utf16(units.iter().copied()) {
        escape_decoded(decoded, out)?;
    }
    Ok(())
}

/// Writes a decoded character as [`escape_char`] does, or a lone surrogate as `\uXXXX`.
fn escape_decoded(decoded: Result<char, DecodeUtf16Error>, out: &mut String) -> fmt::Result {
    match decoded {
        Ok(c) => escape_char(c, out),
        Err(lone) => write!(out, "\\u{:04X}", lone.unpaired_surrogate()),
    }
}

/// Writes `chars` with line terminators and other control characters escaped, so that one
/// token or node always stays on one line of output.
fn escape_into(chars: impl Iterator<Item = char>, out: &mut String) -> fmt::Result {
    for c in chars {
        escape_char(c, out)?;
    }
    Ok(())
}

fn escape_char(c: char, out: &mut String) -> fmt::Result {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{2028}' | '\u{2029}' => write!(out, "\\u{:04X}", u32::from(c))?,
        c if c.is_control() => write!(out, "\\u{:04X}", u32::from(c))?,
        c => out.push(c),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(source: &str) -> String {
        let arena = Bump::new();
        let mut out = String::new();
        match dump_tokens(source, &arena, &mut out) {
            Ok(()) => out,
            Err(DumpError::Syntax(error)) => format!("{out}error: {error}"),
            Err(DumpError::Write(_)) => panic!("a String takes any text"),
        }
    }

    fn ast(source: &str) -> String {
        let arena = Bump::new();
        let program = match crate::parse_program(source, &arena) {
            Ok(program) => program,
            Err(error) => panic!("{source:?} should parse: {error}"),
        };
        let mut out = String::new();
        match dump_ast(&program, source, &mut out) {
            Ok(()) => out,
            Err(_) => panic!("a String takes any text"),
        }
    }

    #[test]
    fn dumps_tokens_with_positions_values_and_newlines() {
        let source = "var x = 1;\n  foo('a\\u0062', /re/g)";
        let expected = "\
1:1      var                  var
1:5      identifier x         x
1:7      =                    =
1:9      number 1             1
1:10     ;                    ;
2:3      identifier foo       foo  [NL]
2:6      (                    (
2:7      string \"ab\"          'a\\u0062'
2:16     ,                    ,
2:18     regex /re/g          /re/g
2:23     )                    )
";
        assert_eq!(tokens(source), expected);
    }

    #[test]
    fn token_columns_count_utf16_units() {
        let dump = tokens("'😀' + é");
        let lines: Vec<&str> = dump.lines().collect();
        assert!(lines[1].starts_with("1:6 "), "{dump}");
        assert!(lines[2].starts_with("1:8 "), "{dump}");
    }

    #[test]
    fn token_dump_stops_at_a_lexical_error() {
        let dump = tokens("a\n'unterminated");
        assert!(dump.starts_with("1:1 "), "{dump}");
        assert!(dump.contains("error: SyntaxError"), "{dump}");
    }

    #[test]
    fn dumps_the_tree_with_spans() {
        let source = "'use strict';\nvar x = 1;\nif (x) { f(x.y, [1,,2]); } else x++;";
        let expected = "\
Program 1:1-3:37 (strict)
  ExpressionStatement 1:1-1:14
    String \"use strict\" 1:1-1:13
  VarStatement 2:1-2:11
    VarDecl x 2:5-2:10
      Number 1 2:9-2:10
  If 3:1-3:37
    Ident x 3:5-3:6
    Block 3:8-3:27
      ExpressionStatement 3:10-3:25
        Call 3:10-3:24
          Ident f 3:10-3:11
          Member .y 3:12-3:15
            Ident x 3:12-3:13
          Array 3:17-3:23
            Number 1 3:18-3:19
            Hole
            Number 2 3:21-3:22
    else: ExpressionStatement 3:33-3:37
      Update ++ postfix 3:33-3:36
        Ident x 3:33-3:34
";
        assert_eq!(ast(source), expected);
    }

    #[test]
    fn dumps_functions_loops_and_try() {
        let dump = ast(
            "function f(a, b) { for (var i = 0; i < a; i++) try { g(); } catch (e) {} finally {} }",
        );
        let expected = "\
Program 1:1-1:86
  FunctionDeclaration f (a, b) 1:1-1:86
    For 1:20-1:84
      init: Var 1:29-1:34
        VarDecl i 1:29-1:34
          Number 0 1:33-1:34
      test: Binary < 1:36-1:41
        Ident i 1:36-1:37
        Ident a 1:40-1:41
      update: Update ++ postfix 1:43-1:46
        Ident i 1:43-1:44
      Try 1:48-1:84
        Block
          ExpressionStatement 1:54-1:58
            Call 1:54-1:57
              Ident g 1:54-1:55
        Catch e 1:61-1:73
        Finally
";
        assert_eq!(dump, expected);
    }

    #[test]
    fn deep_trees_stop_indenting_and_show_the_depth() {
        let dump = ast(&format!("{}1", "1+".repeat(100)));
        // The chain is left-associative: the first operand is the deepest node.
        let deepest = dump
            .lines()
            .find(|l| l.ends_with(" 1:1-1:2"))
            .unwrap_or_default();
        assert_eq!(
            deepest,
            format!("{}[depth 102] Number 1 1:1-1:2", "  ".repeat(MAX_INDENT))
        );
    }

    #[test]
    fn formats_numbers_like_javascript() {
        assert_eq!(format_number(1.0), "1");
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(1e21), "1e21");
        assert_eq!(format_number(1.5e-7), "1.5e-7");
        assert_eq!(format_number(f64::INFINITY), "Infinity");
    }

    #[test]
    fn escapes_keep_values_on_one_line() {
        let mut out = String::new();
        let units: Vec<u16> = "a\n\"".encode_utf16().chain([0xD800]).collect();
        assert!(quote_utf16(&units, &mut out).is_ok());
        assert_eq!(out, "\"a\\n\\\"\\uD800\"");
    }
}
