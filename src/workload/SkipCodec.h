#pragma once
// Binary encoding of skip records (see traces/FORMAT.md): LEB128 varints, a row
// list as gaps or a bitmap (whichever is smaller), reference rows as indices
// into a small palette of (ref - row) offsets, since window algorithms use few.
#include <cstdint>
#include <string>

#include "workload/TraceSpec.h"

namespace vgm::workload {

// A defect at a byte offset of the skip section.
struct SkipDecodeError {
    uint64_t offset;
    std::string message;
};

class ByteReader {
public:
    ByteReader(const std::string& data, size_t begin, size_t end) : d_(data), pos_(begin), end_(end) {}
    size_t pos() const { return pos_; }
    bool atEnd() const { return pos_ >= end_; }
    uint8_t u8(const char* what);
    uint64_t varint(const char* what);
    const unsigned char* bytes(size_t n, const char* what);
    [[noreturn]] void fail(const std::string& msg) const { throw SkipDecodeError{pos_, msg}; }

private:
    const std::string& d_;
    size_t pos_, end_;
};

void putVarint(std::string& out, uint64_t v);

// Appends one record (Dense/Explicit/Count). Explicit records must be valid.
void encodeSkipRecord(const SkipRecord& rec, std::string& out);
// Tag 3 "same as record i": lets identical skip sets share one SkipSet.
void encodeSameRecord(uint64_t index, std::string& out);

// Decodes the record at r. Returns the index of an earlier record when it is a
// "same as" record (then rec is untouched), else -1. Validates rows and refs.
int64_t decodeSkipRecord(ByteReader& r, SkipRecord& rec);

}  // namespace vgm::workload
