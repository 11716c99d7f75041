//! The native half of the POSIX module (stdlib/posix.js builds the promises on it).
//!
//! Each native takes a callback as its last argument, as node's C++ binding (node_file.cc) did:
//! given a function, the call runs on the worker pool and the loop later calls it with
//! `(error)` or `(null, results...)`; without one, the call runs at once and returns its result
//! or throws. So `_posix.stat(path, callback)` is `posix.stat` and `_posix.stat(path)` is
//! `posix.statSync`.
//!
//! Descriptors: the runtime owns every file a script opens (see [`Files`]). A script reaches
//! those, and 0, 1 and 2, by number; any other number is `EBADF`.

use crate::bindings::{arg, encoding_arg, natives_object, set_value, string_arg, NativeResult};
use crate::encoding::{Decoded, Encoding};
use crate::event_loop::{host, workers};
use engine::object::{Class, Object};
use engine::string::{JsString, MAX_LENGTH};
use engine::value::Value;
use engine::vm::{ops, Ctx, Throw};
use nix::errno::Errno;
use std::fs::File;
use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::sync::Arc;

/// The natives stdlib/posix.js is built on (`process._binding("posix")`).
pub fn make(ctx: Ctx<'_>) -> Object<'_> {
    natives_object(
        ctx,
        &[
            ("rename", rename, 3),
            ("stat", stat, 2),
            ("unlink", unlink, 2),
            ("rmdir", rmdir, 2),
            ("mkdir", mkdir, 3),
            ("readdir", readdir, 2),
            ("open", open, 4),
            ("close", close, 2),
            ("read", read, 5),
            ("write", write, 5),
            ("cat", cat, 3),
            ("sendfile", sendfile, 5),
        ],
    )
}

// ---- Descriptors -------------------------------------------------------------------------------

/// The files scripts have opened, by descriptor number.
///
/// `posix.open` makes a `File` and keeps it here; `posix.close` takes it out. Holding real
/// `File`s (rather than trusting numbers) means a script cannot close or write over a descriptor
/// it never opened, such as the event loop's own, and no `unsafe` is needed to turn a number
/// back into a file. A call in flight holds its own `Arc`, so a `close` made meanwhile closes
/// the descriptor only when that call is done: its number cannot be reused under it.
pub type Files = rustc_hash::FxHashMap<i32, Arc<File>>;

/// A descriptor a call works on.
enum Fd {
    File(Arc<File>),
    Stdin(io::Stdin),
    Stdout(io::Stdout),
    Stderr(io::Stderr),
}

impl AsFd for Fd {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match self {
            Fd::File(file) => file.as_fd(),
            Fd::Stdin(stdin) => stdin.as_fd(),
            Fd::Stdout(stdout) => stdout.as_fd(),
            Fd::Stderr(stderr) => stderr.as_fd(),
        }
    }
}

/// The descriptor argument at `i`: one the script opened, or a standard stream. Anything else is
/// `EBADF`, reported by the call like any other system error.
fn fd_arg<'gc>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    i: usize,
) -> Result<io::Result<Fd>, Throw<'gc>> {
    let number = ops::to_number(*ctx, arg(args, i))?;
    let fd = match whole_number(number) {
        Some(0) => Some(Fd::Stdin(io::stdin())),
        Some(1) => {
            // What sys.puts has buffered goes out first, so that the two stay in order.
            host::of(ctx)?.stdout.borrow_mut().finish();
            Some(Fd::Stdout(io::stdout()))
        }
        Some(2) => Some(Fd::Stderr(io::stderr())),
        Some(n) => host::of(ctx)?
            .state
            .borrow()
            .files
            .get(&n)
            .map(|file| Fd::File(Arc::clone(file))),
        None => None,
    };
    Ok(fd.ok_or_else(|| Errno::EBADF.into()))
}

/// A descriptor number: a whole number in range, or `None`.
fn whole_number(number: f64) -> Option<i32> {
    let n = number as i32;
    (f64::from(n) == number).then_some(n)
}

// ---- Arguments ---------------------------------------------------------------------------------

/// A mode or flags argument: a number, or `default` when missing.
fn bits_arg<'gc>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    i: usize,
    default: u32,
) -> Result<u32, Throw<'gc>> {
    match arg(args, i) {
        Value::Undefined | Value::Null => Ok(default),
        value => Ok(ops::to_number(*ctx, value)? as u32),
    }
}

/// A position argument: a number is an offset from the start of the file; anything else (the
/// document's `null`) means the descriptor's current position, as node's binding read it.
fn position_arg<'gc>(args: &[Value<'gc>], i: usize) -> Option<i64> {
    match arg(args, i) {
        Value::Number(n) if n.is_finite() => Some(n as i64),
        _ => None,
    }
}

// ---- Running a call ----------------------------------------------------------------------------

/// What a call comes to when it succeeds.
enum Done {
    Nothing,
    Stats(std::fs::Metadata),
    /// A newly opened file: the loop adds it to [`Files`] and gives the script its number.
    Opened(File),
    /// Bytes written or sent.
    Count(usize),
    Names(Vec<String>),
    /// What `read` gives: the data and the number of bytes read.
    Read(Decoded, usize),
    /// What `cat` gives: the whole file.
    Text(Decoded),
}

/// The path a call names (for its error message), and what the call came to.
type Outcome = (String, io::Result<Done>);

/// Runs `work` on the worker pool when the argument at `callback_at` is a function (which then
/// gets the outcome), or at once otherwise (returning the result or throwing).
fn run<'gc>(
    ctx: &Ctx<'gc>,
    args: &[Value<'gc>],
    callback_at: usize,
    path: String,
    work: impl FnOnce() -> io::Result<Done> + Send + 'static,
) -> NativeResult<'gc> {
    let callback = arg(args, callback_at);
    if callback.as_object().is_some_and(|f| f.is_callable()) {
        workers::submit(
            ctx,
            host::of(ctx)?,
            callback,
            move || (path, work()),
            deliver,
        );
        return Ok(Value::Undefined);
    }
    let results = results(*ctx, work());
    match results {
        Ok(mut values) if values.len() <= 1 => Ok(values.pop().unwrap_or(Value::Undefined)),
        // readSync returns [data, bytesRead], as node's did.
        Ok(values) => Ok(Value::Object(ctx.realm().new_array(*ctx, values))),
        Err(error) => Err(Throw(system_error(*ctx, &error, &path))),
    }
}

/// The arguments of a call's callback: `[error]` or `[null, results...]`.
fn deliver<'gc>(ctx: Ctx<'gc>, (path, outcome): Outcome) -> Vec<Value<'gc>> {
    match results(ctx, outcome) {
        Ok(values) => std::iter::once(Value::Null).chain(values).collect(),
        Err(error) => vec![system_error(ctx, &error, &path)],
    }
}

/// The JavaScript values a successful call gives.
fn results<'gc>(ctx: Ctx<'gc>, outcome: io::Result<Done>) -> io::Result<Vec<Value<'gc>>> {
    let values = match outcome? {
        Done::Nothing => Vec::new(),
        Done::Stats(meta) => vec![stats_object(ctx, &meta)],
        Done::Opened(file) => {
            let fd = std::os::fd::AsRawFd::as_raw_fd(&file);
            let host = host::of(&ctx).map_err(|_| io::Error::from(Errno::ENOSYS))?;
            host.state.borrow_mut().files.insert(fd, Arc::new(file));
            vec![Value::Number(f64::from(fd))]
        }
        Done::Count(count) => vec![Value::Number(count as f64)],
        Done::Names(names) => {
            let names: Vec<_> = names.iter().map(|name| ctx.string(name)).collect();
            vec![Value::Object(ctx.realm().new_array(ctx, names))]
        }
        Done::Read(data, count) => vec![string_of(ctx, data), Value::Number(count as f64)],
        Done::Text(data) => vec![string_of(ctx, data)],
    };
    Ok(values)
}

/// A JavaScript string made straight from decoded bytes (no copy for Latin-1 text).
fn string_of<'gc>(ctx: Ctx<'gc>, data: Decoded) -> Value<'gc> {
    Value::String(match data {
        Decoded::Latin1(bytes) => JsString::from_latin1(&ctx, bytes),
        Decoded::Utf16(units) => JsString::from_units(&ctx, &units),
    })
}

/// A system error as node reports it: an Error whose message has the error's code, the OS's
/// description and the path ("ENOENT, No such file or directory '/x'"), with `errno` and
/// `code` properties.
pub fn system_error<'gc>(ctx: Ctx<'gc>, error: &io::Error, path: &str) -> Value<'gc> {
    let errno = error.raw_os_error().unwrap_or(0);
    let code = Errno::from_raw(errno);
    let description = code.desc();
    let message = if path.is_empty() {
        format!("{code:?}, {description}")
    } else {
        format!("{code:?}, {description} '{path}'")
    };
    let realm = ctx.realm();
    let object = realm.new_error(ctx, realm.error_prototype, &message);
    set_value(ctx, object, "errno", Value::Number(f64::from(errno)));
    set_value(ctx, object, "code", ctx.string(&format!("{code:?}")));
    set_value(ctx, object, "path", ctx.string(path));
    Value::Object(object)
}

/// What `stat` gives: the fields of posix.Stats (times in milliseconds; posix.js makes Dates).
pub fn stats_object<'gc>(ctx: Ctx<'gc>, meta: &std::fs::Metadata) -> Value<'gc> {
    let object = Object::new(&ctx, Some(ctx.realm().object_prototype), Class::Object);
    let millis = |seconds: i64, nanos: i64| seconds as f64 * 1000.0 + (nanos / 1_000_000) as f64;
    let fields = [
        ("dev", meta.dev() as f64),
        ("ino", meta.ino() as f64),
        ("mode", f64::from(meta.mode())),
        ("nlink", meta.nlink() as f64),
        ("uid", f64::from(meta.uid())),
        ("gid", f64::from(meta.gid())),
        ("rdev", meta.rdev() as f64),
        ("size", meta.size() as f64),
        ("blksize", meta.blksize() as f64),
        ("blocks", meta.blocks() as f64),
        ("atime", millis(meta.atime(), meta.atime_nsec())),
        ("mtime", millis(meta.mtime(), meta.mtime_nsec())),
        ("ctime", millis(meta.ctime(), meta.ctime_nsec())),
    ];
    for (name, value) in fields {
        set_value(ctx, object, name, Value::Number(value));
    }
    Value::Object(object)
}

/// Retries a system call that a signal interrupted before it did anything.
fn retrying<T>(mut call: impl FnMut() -> nix::Result<T>) -> io::Result<T> {
    loop {
        match call() {
            Err(Errno::EINTR) => continue,
            result => return result.map_err(io::Error::from),
        }
    }
}

// ---- The calls ---------------------------------------------------------------------------------

/// `rename(from, to, [callback])`. An error names the first path.
fn rename<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let from = string_arg(ctx, args, 0)?;
    let to = string_arg(ctx, args, 1)?;
    run(ctx, args, 2, from.clone(), move || {
        std::fs::rename(&from, to).map(|()| Done::Nothing)
    })
}

/// `stat(path, [callback])`: the stats (following symbolic links, as stat(2) does).
fn stat<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = string_arg(ctx, args, 0)?;
    run(ctx, args, 1, path.clone(), move || {
        std::fs::metadata(path).map(Done::Stats)
    })
}

fn unlink<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = string_arg(ctx, args, 0)?;
    run(ctx, args, 1, path.clone(), move || {
        std::fs::remove_file(path).map(|()| Done::Nothing)
    })
}

fn rmdir<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = string_arg(ctx, args, 0)?;
    run(ctx, args, 1, path.clone(), move || {
        std::fs::remove_dir(path).map(|()| Done::Nothing)
    })
}

/// `mkdir(path, mode, [callback])`; without a mode, 0777 (less the umask), as mkdir(1) does.
fn mkdir<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = string_arg(ctx, args, 0)?;
    let mode = bits_arg(ctx, args, 1, 0o777)?;
    run(ctx, args, 2, path.clone(), move || {
        std::fs::DirBuilder::new()
            .mode(mode)
            .create(path)
            .map(|()| Done::Nothing)
    })
}

/// `readdir(path, [callback])`: the names in a directory, without "." and "..", in the order
/// the file system gives them.
fn readdir<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = string_arg(ctx, args, 0)?;
    run(ctx, args, 1, path.clone(), move || {
        let names = std::fs::read_dir(path)?
            .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(Done::Names(names))
    })
}

/// `open(path, flags, mode, [callback])`: the descriptor. Without a mode, 0666 (less the umask).
/// The descriptor is close-on-exec, so child processes do not inherit the script's files.
fn open<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    use nix::fcntl::OFlag;
    use nix::sys::stat::Mode;
    let path = string_arg(ctx, args, 0)?;
    let flags = OFlag::from_bits_retain(bits_arg(ctx, args, 1, 0)? as i32) | OFlag::O_CLOEXEC;
    let mode = Mode::from_bits_truncate(bits_arg(ctx, args, 2, 0o666)?);
    run(ctx, args, 3, path.clone(), move || {
        let fd = retrying(|| nix::fcntl::open(path.as_str(), flags, mode))?;
        Ok(Done::Opened(File::from(fd)))
    })
}

/// `close(fd, [callback])`. The number is forgotten at once (later calls with it fail); the
/// descriptor itself closes when no call in flight still uses it.
fn close<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let number = whole_number(ops::to_number(*ctx, arg(args, 0))?);
    let file = match number {
        Some(n) => host::of(ctx)?.state.borrow_mut().files.remove(&n),
        None => None,
    };
    // The standard streams stay open: the runtime itself writes to them.
    let standard = matches!(number, Some(0..=2));
    run(ctx, args, 1, String::new(), move || match file {
        // The last holder closes it, reporting what close(2) says.
        Some(file) => match Arc::try_unwrap(file) {
            Ok(file) => nix::unistd::close(file)
                .map(|()| Done::Nothing)
                .map_err(io::Error::from),
            Err(_in_use) => Ok(Done::Nothing),
        },
        None if standard => Err(Errno::EPERM.into()),
        None => Err(Errno::EBADF.into()),
    })
}

/// The length argument of `read`: bytes, at most the longest string.
fn length_arg<'gc>(ctx: &Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<usize, Throw<'gc>> {
    let length = ops::to_number(*ctx, arg(args, i))?;
    Ok(if length > 0.0 {
        (length as usize).min(MAX_LENGTH)
    } else {
        0
    })
}

/// `read(fd, length, position, encoding, [callback])`: `(data, bytesRead)` from one read(2) (or
/// pread(2) at `position`); at the end of the file, `("", 0)`.
fn read<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let fd = fd_arg(ctx, args, 0)?;
    let length = length_arg(ctx, args, 1)?;
    let position = position_arg(args, 2);
    // Without an encoding, "binary", as node's binding had it (posix.js gives cat "utf8").
    let encoding = encoding_arg(ctx, args, 3, Encoding::Binary)?;
    run(ctx, args, 4, String::new(), move || {
        let fd = fd?;
        let mut buffer = Vec::new();
        buffer
            .try_reserve_exact(length)
            .map_err(|_| io::Error::from(Errno::ENOMEM))?;
        buffer.resize(length, 0);
        let count = retrying(|| match position {
            Some(offset) => nix::sys::uio::pread(&fd, &mut buffer, offset),
            None => nix::unistd::read(&fd, &mut buffer),
        })?;
        buffer.truncate(count);
        Ok(Done::Read(encoding.decode(buffer), count))
    })
}

/// `write(fd, data, position, encoding, [callback])`: the number of bytes written. Where write(2)
/// writes only part of the data, the rest follows, so success always means all of it (node
/// made a single write(2) and left the rest to the caller).
fn write<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let fd = fd_arg(ctx, args, 0)?;
    let data = ops::to_string(*ctx, arg(args, 1))?;
    let position = position_arg(args, 2);
    // Without an encoding, "binary", as node's binding had it (posix.js gives cat "utf8").
    let encoding = encoding_arg(ctx, args, 3, Encoding::Binary)?;
    let bytes = data.with_units(ctx, |units| encoding.encode_units(units));
    run(ctx, args, 4, String::new(), move || {
        let fd = fd?;
        let mut written = 0;
        while written < bytes.len() {
            let rest = &bytes[written..];
            let count = retrying(|| match position {
                Some(offset) => nix::sys::uio::pwrite(&fd, rest, offset + written as i64),
                None => nix::unistd::write(&fd, rest),
            })?;
            if count == 0 {
                return Err(Errno::EIO.into());
            }
            written += count;
        }
        Ok(Done::Count(written))
    })
}

/// `cat(path, encoding, [callback])`: the whole file as a string, read at once (node read it in
/// 16 KB pieces from JavaScript; one read is faster and never splits a UTF-8 character).
fn cat<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let path = string_arg(ctx, args, 0)?;
    let encoding = encoding_arg(ctx, args, 1, Encoding::Utf8)?;
    run(ctx, args, 2, path.clone(), move || {
        let bytes = std::fs::read(path)?;
        if bytes.len() > MAX_LENGTH {
            return Err(Errno::EFBIG.into()); // longer than any string can be
        }
        Ok(Done::Text(encoding.decode(bytes)))
    })
}

/// `sendfile(outFd, inFd, inOffset, length, [callback])`: the bytes sent by one sendfile(2),
/// from `inOffset` of the input (its own position is left alone).
fn sendfile<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let out = fd_arg(ctx, args, 0)?;
    let input = fd_arg(ctx, args, 1)?;
    let mut offset = ops::to_number(*ctx, arg(args, 2))? as i64;
    let length = ops::to_number(*ctx, arg(args, 3))?.max(0.0) as usize;
    run(ctx, args, 4, String::new(), move || {
        let (out, input) = (out?, input?);
        let sent =
            retrying(|| nix::sys::sendfile::sendfile(&out, &input, Some(&mut offset), length))?;
        Ok(Done::Count(sent))
    })
}
