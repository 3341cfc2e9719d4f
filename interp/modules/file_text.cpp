// The text layer of files: CPython 3.11's TextIOWrapper (Modules/_io/textio.c), ported step for
// step. It reads in chunks and keeps a snapshot of where the last chunk began, and tell() rebuilds
// the position from it with CPython's search, so the cookies are CPython's, including the large
// ones it returns where a CR is still pending in the decoder. The same read-ahead explains two of
// CPython's visible habits, kept here: `newlines` reports what the chunk held, not only what was
// returned, and a write or truncate() after a read happens where the read-ahead stopped.
#include <algorithm>
#include <cmath>

#include "interp/modules/file_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"

namespace gilsim {

namespace {

constexpr int kSeenLF = 1;
constexpr int kSeenCR = 2;
constexpr int kSeenCRLF = 4;
constexpr size_t kChunkSize = 8192;  // TextIOWrapper._CHUNK_SIZE

bool isContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Code points in valid UTF-8 (what the decoder returns).
size_t countChars(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    n += !isContinuation(c);
  return n;
}

// The byte offset `chars` code points after `from`, or the end.
size_t advanceChars(std::string_view s, size_t from, size_t chars) {
  size_t i = from;
  while (i < s.size() && chars > 0) {
    ++i;
    while (i < s.size() && isContinuation(s[i]))
      ++i;
    --chars;
  }
  return i;
}

// How many bytes at the end of `data` start a UTF-8 sequence that more input may complete: the
// incremental decoder keeps them for the next call instead of calling them an error.
size_t incompleteUtf8Tail(std::string_view data) {
  const size_t n = data.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    const auto lead = static_cast<unsigned char>(data[n - back]);
    if ((lead & 0xC0) == 0x80) continue;
    const size_t need = lead >= 0xC2 && lead <= 0xDF   ? 2
                        : lead >= 0xE0 && lead <= 0xEF ? 3
                        : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                       : 0;
    if (need <= back) return 0;
    if (back >= 2) {
      const auto second = static_cast<unsigned char>(data[n - back + 1]);
      unsigned low = 0x80, high = 0xBF;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
      if (second < low || second > high) return 0;
    }
    return back;
  }
  return 0;
}

// IncrementalNewlineDecoder.decode over the codec's incremental decoder.
std::string decode(TextDecoder& d, std::string_view input, bool final) {
  std::string data = d.buffered;
  data.append(input);
  const size_t keep = !final && d.codec == Codec::Utf8 ? incompleteUtf8Tail(data) : 0;
  std::string out =
      decodeBytes(std::string_view(data).substr(0, data.size() - keep), d.codec, d.errors);
  d.buffered = data.substr(data.size() - keep);
  if (!d.universal) return out;
  if (d.pendingCR && (final || !out.empty())) {
    out.insert(out.begin(), '\r');
    d.pendingCR = false;
  }
  // Kept back even when not translating, so that readline() sees a \r\n in one piece.
  if (!final && !out.empty() && out.back() == '\r') {
    out.pop_back();
    d.pendingCR = true;
  }
  if (out.find('\r') == std::string::npos) {
    if (out.find('\n') != std::string::npos) d.seenNewlines |= kSeenLF;
    return out;
  }
  std::string translated;
  if (d.translate) translated.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (c == '\n') {
      d.seenNewlines |= kSeenLF;
    } else if (c == '\r') {
      if (i + 1 < out.size() && out[i + 1] == '\n') {
        d.seenNewlines |= kSeenCRLF;
        ++i;
        if (!d.translate) continue;
      } else {
        d.seenNewlines |= kSeenCR;
      }
      if (d.translate) c = '\n';
    }
    if (d.translate) translated += c;
  }
  return d.translate ? translated : out;
}

int decoderFlags(const TextDecoder& d) {
  return d.universal && d.pendingCR ? 1 : 0;
}

void decoderReset(TextDecoder& d) {
  d.buffered.clear();
  d.pendingCR = false;
  d.seenNewlines = 0;
}

void decoderSetState(TextDecoder& d, std::string buffered, int flags) {
  d.buffered = std::move(buffered);
  d.pendingCR = d.universal && (flags & 1);
}

// tell()'s cookie: the byte position of a safe start point and what to replay from it.
struct Cookie {
  int64_t startPos = 0;
  int32_t decFlags = 0;
  int32_t bytesToFeed = 0;
  int32_t charsToSkip = 0;
  uint8_t needEof = 0;
};

Value buildCookie(const Cookie& c) {
  BigInt v = BigInt(static_cast<uint64_t>(c.startPos));
  v |= BigInt(static_cast<uint32_t>(c.decFlags)) << 64;
  v |= BigInt(static_cast<uint32_t>(c.bytesToFeed)) << 96;
  v |= BigInt(static_cast<uint32_t>(c.charsToSkip)) << 128;
  v |= BigInt(c.needEof) << 160;
  return makeInt(std::move(v));
}

// int(cookie), as PyNumber_Long.
BigInt cookieInteger(const Value& cookie) {
  if (isInt(cookie)) return toBigInt(cookie);
  if (cookie.isFloat()) {
    double d = cookie.real();
    if (std::isnan(d)) raiseValueError("cannot convert float NaN to integer");
    if (std::isinf(d)) raiseOverflowError("cannot convert float infinity to integer");
    return BigInt(std::trunc(d));
  }
  Value r = callSpecial(cookie, "__index__", {});
  if (!r.isNull() && isInt(r)) return toBigInt(r);
  raiseTypeError("int() argument must be a string, a bytes-like object or a real number, not '{}'",
                 typeName(cookie));
}

Cookie parseCookie(const Value& cookie) {
  BigInt v = cookieInteger(cookie);
  if (v < 0 || (v >> 168) != 0) raiseOverflowError("int too big to convert");
  auto field = [&](int shift, unsigned bits) {
    BigInt mask = (BigInt(1) << bits) - 1;
    return static_cast<uint64_t>((v >> shift) & mask);
  };
  Cookie c;
  c.startPos = static_cast<int64_t>(field(0, 64));
  c.decFlags = static_cast<int32_t>(static_cast<uint32_t>(field(64, 32)));
  c.bytesToFeed = static_cast<int32_t>(static_cast<uint32_t>(field(96, 32)));
  c.charsToSkip = static_cast<int32_t>(static_cast<uint32_t>(field(128, 32)));
  c.needEof = static_cast<uint8_t>(field(160, 8));
  return c;
}

void checkOpen(const FileObject* f) {
  if (f->isClosed()) raiseValueError("I/O operation on closed file.");
}

void clearDecoded(TextState& t) {
  t.decoded.clear();
  t.decodedUsed = 0;
}

// _textiowrapper_decoder_setstate: the start of the file resets the decoder (and what it saw).
void setDecoderToCookie(TextState& t, const Cookie& c) {
  if (c.startPos == 0 && c.decFlags == 0)
    decoderReset(t.decoder);
  else
    decoderSetState(t.decoder, "", c.decFlags);
}

// textiowrapper_read_chunk: false at the end of the file.
bool readChunk(VM& vm, FileObject* f, int64_t sizeHint) {
  TextState& t = *f->text;
  if (!t.hasDecoder) fileio::unsupported("not readable");
  const bool telling = t.telling;
  std::string decBuffer;
  int decFlags = 0;
  if (telling) {
    decBuffer = t.decoder.buffered;
    decFlags = decoderFlags(t.decoder);
  }
  if (sizeHint > 0)
    sizeHint = static_cast<int64_t>(std::max(t.bytesPerChar, 1.0) * static_cast<double>(sizeHint));
  const size_t size = std::max<size_t>(kChunkSize, sizeHint > 0 ? sizeHint : 0);
  std::string input = fileio::readChunk(vm, f, size);
  bool eof = input.empty();
  std::string out = decode(t.decoder, input, eof);
  const size_t chars = countChars(out);
  t.decoded = std::move(out);
  t.decodedUsed = 0;
  t.bytesPerChar = chars > 0 ? static_cast<double>(input.size()) / static_cast<double>(chars) : 0.0;
  if (chars > 0) eof = false;
  if (telling) {
    t.hasSnapshot = true;
    t.snapshotFlags = decFlags;
    t.snapshotInput = decBuffer + input;
  }
  return !eof;
}

// textiowrapper_get_decoded_chars: up to `chars` of what is decoded and not yet returned.
std::string takeDecoded(TextState& t, int64_t chars) {
  const size_t end = chars < 0 ? t.decoded.size()
                               : advanceChars(t.decoded, t.decodedUsed, static_cast<size_t>(chars));
  std::string s = t.decoded.substr(t.decodedUsed, end - t.decodedUsed);
  t.decodedUsed = end;
  return s;
}

// _PyIO_find_line_ending over line[start:]: the end of the line (an index into `line`), or npos
// with *consumed the bytes that cannot be part of a line ending still to come.
size_t findLineEnding(const TextState& t, std::string_view line, size_t start, size_t* consumed) {
  if (t.readTranslate) {
    size_t pos = line.find('\n', start);
    if (pos != std::string_view::npos) return pos + 1;
    *consumed = line.size() - start;
    return std::string_view::npos;
  }
  if (t.readUniversal) {
    for (size_t i = start; i < line.size(); ++i) {
      if (line[i] == '\n') return i + 1;
      if (line[i] == '\r') return i + 1 < line.size() && line[i + 1] == '\n' ? i + 2 : i + 1;
    }
    *consumed = line.size() - start;
    return std::string_view::npos;
  }
  const std::string& nl = t.readNewline;
  size_t e = line.size() >= nl.size() - 1 ? line.size() - (nl.size() - 1) : 0;
  if (e < start) e = start;
  for (size_t s = start; s < e;) {
    size_t pos = line.find(nl[0], s);
    if (pos == std::string_view::npos || pos >= e) break;
    if (line.compare(pos, nl.size(), nl) == 0) return pos + nl.size();
    s = pos + 1;
  }
  size_t pos = line.find(nl[0], e);
  *consumed = (pos == std::string_view::npos ? line.size() : pos) - start;
  return std::string_view::npos;
}

// _textiowrapper_readline, limit in characters (< 0: none).
std::string readLine(VM& vm, FileObject* f, int64_t limit) {
  checkOpen(f);
  TextState& t = *f->text;
  std::string remaining, chunks, joined;
  std::string_view line;  // t.decoded, or `joined` when a remainder comes first
  bool haveLine = false, haveRemaining = false;
  int64_t chunked = 0;
  size_t start = 0, endpos = 0, offsetToBuffer = 0;
  auto charsBetween = [](std::string_view s, size_t a, size_t b) {
    return static_cast<int64_t>(countChars(s.substr(a, b - a)));
  };
  while (true) {
    bool more = true;
    while (t.decoded.empty()) {
      more = readChunk(vm, f, 0);
      if (!more) break;
    }
    if (!more) {
      clearDecoded(t);
      t.hasSnapshot = false;
      start = endpos = offsetToBuffer = 0;
      break;
    }
    if (!haveRemaining) {
      line = t.decoded;
      start = t.decodedUsed;
      offsetToBuffer = 0;
    } else {
      joined = remaining + t.decoded;
      line = joined;
      start = 0;
      offsetToBuffer = remaining.size();
      remaining.clear();
      haveRemaining = false;
    }
    haveLine = true;
    size_t consumed = 0;
    size_t end = findLineEnding(t, line, start, &consumed);
    if (end != std::string::npos) {
      endpos = end;
      if (limit >= 0 && charsBetween(line, start, endpos) + chunked >= limit)
        endpos = advanceChars(line, start, static_cast<size_t>(limit - chunked));
      break;
    }
    endpos = start + consumed;
    if (limit >= 0 && charsBetween(line, start, endpos) + chunked >= limit) {
      endpos = advanceChars(line, start, static_cast<size_t>(limit - chunked));
      break;
    }
    if (endpos > start) {
      chunks.append(line, start, endpos - start);
      chunked += charsBetween(line, start, endpos);
    }
    if (endpos < line.size()) {
      remaining = std::string(line.substr(endpos));
      haveRemaining = true;
    }
    line = {};
    haveLine = false;
    clearDecoded(t);
  }
  if (haveLine) t.decodedUsed = endpos > offsetToBuffer ? endpos - offsetToBuffer : 0;
  std::string result = std::move(chunks);
  if (haveRemaining) result += remaining;
  if (haveLine) result.append(line.substr(start, endpos - start));
  return result;
}

Value newlinesKinds(int seen) {
  switch (seen) {
    case kSeenLF:
      return makeStr("\n");
    case kSeenCR:
      return makeStr("\r");
    case kSeenCRLF:
      return makeStr("\r\n");
    case kSeenCR | kSeenLF:
      return makeTuple({makeStr("\r"), makeStr("\n")});
    case kSeenLF | kSeenCRLF:
      return makeTuple({makeStr("\n"), makeStr("\r\n")});
    case kSeenCR | kSeenCRLF:
      return makeTuple({makeStr("\r"), makeStr("\r\n")});
    case kSeenCR | kSeenLF | kSeenCRLF:
      return makeTuple({makeStr("\r"), makeStr("\n"), makeStr("\r\n")});
    default:
      return Value::none();
  }
}

}  // namespace

void initTextState(FileObject* f, const FileObject::Config& config) {
  auto t = std::make_unique<TextState>();
  t->encoding = config.encoding;
  t->errors = config.errors;
  t->lineBuffering = config.lineBuffering;
  t->readUniversal = !config.hasNewline || config.newline.empty();
  t->readTranslate = !config.hasNewline;
  if (config.hasNewline) t->readNewline = config.newline;
  if (!t->readUniversal && config.newline != "\n") t->writeNewline = config.newline;
  t->hasDecoder = config.readable;
  t->decoder.codec = config.codec;
  t->decoder.errors = config.errors;
  t->decoder.universal = t->readUniversal;
  t->decoder.translate = t->readTranslate;
  t->telling = config.seekable;
  f->text = std::move(t);
}

Value textRead(VM& vm, FileObject* f, int64_t size) {
  checkOpen(f);
  TextState& t = *f->text;
  if (!t.hasDecoder) fileio::unsupported("not readable");
  if (size < 0) {
    std::string bytes = fileio::read(vm, f, -1);
    std::string tail = decode(t.decoder, bytes, true);
    std::string result = takeDecoded(t, -1) + tail;
    clearDecoded(t);
    t.hasSnapshot = false;
    return makeStr(std::move(result));
  }
  std::string result = takeDecoded(t, size);
  int64_t remaining = size - static_cast<int64_t>(countChars(result));
  while (remaining > 0) {
    if (!readChunk(vm, f, remaining)) break;
    std::string more = takeDecoded(t, remaining);
    remaining -= static_cast<int64_t>(countChars(more));
    result += more;
  }
  return makeStr(std::move(result));
}

Value textReadline(VM& vm, FileObject* f, int64_t limit) {
  return makeStr(readLine(vm, f, limit));
}

bool textNext(VM& vm, FileObject* f, Value* line) {
  TextState& t = *f->text;
  t.telling = false;
  std::string text = readLine(vm, f, -1);
  if (text.empty()) {
    t.hasSnapshot = false;
    t.telling = f->seekable;
    return false;
  }
  *line = makeStr(std::move(text));
  return true;
}

Value textWrite(VM& vm, FileObject* f, const Value& value) {
  if (!isStr(value)) raiseTypeError("write() argument must be str, not {}", typeName(value));
  checkOpen(f);
  TextState& t = *f->text;
  if (!f->writable) fileio::unsupported("not writable");
  const StrObject* s = asStr(value);
  std::string text = s->str();
  const bool hasLF = text.find('\n') != std::string::npos;
  if (hasLF && !t.writeNewline.empty()) {
    std::string translated;
    for (char c : text) {
      if (c == '\n')
        translated += t.writeNewline;
      else
        translated += c;
    }
    text = std::move(translated);
  }
  const bool needFlush = t.lineBuffering && (hasLF || text.find('\r') != std::string::npos);
  if (t.decoder.codec != Codec::Utf8) text = encodeText(text, t.decoder.codec, t.errors);
  fileio::write(vm, f, text);
  if (needFlush) fileio::flush(vm, f);
  clearDecoded(t);
  t.hasSnapshot = false;
  if (t.hasDecoder) decoderReset(t.decoder);
  return Value::integer(static_cast<int64_t>(s->length()));
}

void textFlush(VM& vm, FileObject* f) {
  checkOpen(f);
  f->text->telling = f->seekable;
  fileio::flush(vm, f);
}

// _io_TextIOWrapper_tell_impl.
Value textTell(VM& vm, FileObject* f) {
  checkOpen(f);
  TextState& t = *f->text;
  if (!f->seekable) fileio::unsupported("underlying stream is not seekable");
  if (!t.telling) raiseOSError("telling position disabled by next() call");
  textFlush(vm, f);
  const int64_t position = fileio::tell(vm, f);
  if (!t.hasDecoder || !t.hasSnapshot) return Value::integer(position);
  Cookie cookie;
  cookie.decFlags = t.snapshotFlags;
  const std::string input = t.snapshotInput;
  cookie.startPos = position - static_cast<int64_t>(input.size());
  if (t.decodedUsed == 0) return buildCookie(cookie);
  int64_t charsToSkip =
      static_cast<int64_t>(countChars(std::string_view(t.decoded).substr(0, t.decodedUsed)));
  const TextDecoder saved = t.decoder;
  auto decodedChars = [&](std::string_view bytes, bool final) {
    return static_cast<int64_t>(countChars(decode(t.decoder, bytes, final)));
  };
  auto restore = [&] {
    t.decoder.buffered = saved.buffered;
    t.decoder.pendingCR = saved.pendingCR;
  };
  // The snapshot can be older than the chunk being read (next() stops taking them, a flush lets
  // tell() run again): CPython's guess then decodes past the end of the snapshot's bytes, into
  // its own memory. NULs stand in for that here, which gives what it usually answers.
  auto head = [&](int64_t n) {
    std::string bytes = input.substr(0, static_cast<size_t>(n));
    bytes.resize(static_cast<size_t>(n), '\0');
    return bytes;
  };
  try {
    // A quick guess at a start point near the position, from the chunk's bytes per character.
    int64_t skipBytes = static_cast<int64_t>(t.bytesPerChar * static_cast<double>(charsToSkip));
    int64_t skipBack = 1;
    while (skipBytes > 0) {
      setDecoderToCookie(t, cookie);
      int64_t decoded = decodedChars(head(skipBytes), false);
      if (decoded <= charsToSkip) {
        if (t.decoder.buffered.empty()) {
          cookie.decFlags = decoderFlags(t.decoder);
          charsToSkip -= decoded;
          break;
        }
        skipBytes -= static_cast<int64_t>(t.decoder.buffered.size());
        skipBack = 1;
      } else {
        skipBytes -= skipBack;
        skipBack *= 2;
      }
    }
    if (skipBytes <= 0) {
      skipBytes = 0;
      setDecoderToCookie(t, cookie);
    }
    cookie.startPos += skipBytes;
    if (charsToSkip != 0) {
      // Feed the decoder a byte at a time, noting the last point where it holds nothing back.
      int64_t charsDecoded = 0;
      size_t i = static_cast<size_t>(skipBytes);
      for (; i < input.size(); ++i) {
        charsDecoded += decodedChars(std::string_view(input).substr(i, 1), false);
        cookie.bytesToFeed += 1;
        if (t.decoder.buffered.empty() && charsDecoded <= charsToSkip) {
          cookie.startPos += cookie.bytesToFeed;
          charsToSkip -= charsDecoded;
          cookie.decFlags = decoderFlags(t.decoder);
          cookie.bytesToFeed = 0;
          charsDecoded = 0;
        }
        if (charsDecoded >= charsToSkip) break;
      }
      if (i == input.size()) {
        charsDecoded += decodedChars("", true);
        cookie.needEof = 1;
        if (charsDecoded < charsToSkip) raiseOSError("can't reconstruct logical file position");
      }
    }
  } catch (...) {
    restore();
    throw;
  }
  restore();
  cookie.charsToSkip = static_cast<int32_t>(charsToSkip);
  return buildCookie(cookie);
}

// _io_TextIOWrapper_seek_impl.
Value textSeek(VM& vm, FileObject* f, const Value& cookieValue, int whence) {
  checkOpen(f);
  TextState& t = *f->text;
  if (!f->seekable) fileio::unsupported("underlying stream is not seekable");
  Value cookie = cookieValue;
  switch (whence) {
    case SEEK_CUR:
      if (!equals(cookie, Value::integer(0)))
        fileio::unsupported("can't do nonzero cur-relative seeks");
      cookie = textTell(vm, f);
      break;
    case SEEK_END: {
      if (!equals(cookie, Value::integer(0)))
        fileio::unsupported("can't do nonzero end-relative seeks");
      textFlush(vm, f);
      clearDecoded(t);
      t.hasSnapshot = false;
      if (t.hasDecoder) decoderReset(t.decoder);
      return Value::integer(fileio::seek(vm, f, 0, SEEK_END));
    }
    case SEEK_SET:
      break;
    default:
      raiseValueError("invalid whence ({}, should be 0, 1 or 2)", whence);
  }
  if (compareBool(CompareOperator::Lt, cookie, Value::integer(0)))
    raiseValueError("negative seek position {}", repr(cookie));
  textFlush(vm, f);
  // Back to the safe start point, then replay what the cookie says was read from there.
  const Cookie c = parseCookie(cookie);
  fileio::seek(vm, f, c.startPos, SEEK_SET);
  clearDecoded(t);
  t.hasSnapshot = false;
  if (t.hasDecoder) setDecoderToCookie(t, c);
  if (c.charsToSkip && t.hasDecoder) {
    std::string input = fileio::read(vm, f, c.bytesToFeed);
    t.hasSnapshot = true;
    t.snapshotFlags = c.decFlags;
    t.snapshotInput = input;
    t.decoded = decode(t.decoder, input, c.needEof != 0);
    if (countChars(t.decoded) < static_cast<size_t>(c.charsToSkip))
      raiseOSError("can't restore logical file position");
    t.decodedUsed = advanceChars(t.decoded, 0, static_cast<size_t>(c.charsToSkip));
  } else {
    t.hasSnapshot = true;
    t.snapshotFlags = c.decFlags;
    t.snapshotInput.clear();
  }
  return cookie;
}

Value textNewlines(const FileObject* f) {
  const TextState& t = *f->text;
  if (!t.hasDecoder || !t.decoder.universal) return Value::none();
  return newlinesKinds(t.decoder.seenNewlines);
}

}  // namespace gilsim
