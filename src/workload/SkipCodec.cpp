#include "workload/SkipCodec.h"

#include <algorithm>
#include <map>
#include <vector>

#include "common/Bits.h"

namespace vgm::workload {

namespace {
enum Tag : uint8_t { kDense = 0, kExplicit = 1, kCount = 2, kSame = 3 };

uint64_t zigzag(int64_t v) {
    return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t unzigzag(uint64_t v) {
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

std::string encodeRows(const SkipSet& s, uint64_t period) {
    std::string gaps, bitmap;
    int64_t prev = -1;
    for (uint32_t row : s.rows) {
        putVarint(gaps, static_cast<uint64_t>(row - prev - 1));
        prev = row;
    }
    if (gaps.size() + 1 <= (period + 7) / 8 + 1) return std::string(1, '\0') + gaps;
    bitmap.assign((period + 7) / 8, '\0');
    for (uint32_t row : s.rows) bitmap[row / 8] = static_cast<char>(bitmap[row / 8] | (1 << (row % 8)));
    return std::string(1, '\1') + bitmap;
}
}  // namespace

void putVarint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

uint8_t ByteReader::u8(const char* what) {
    if (pos_ >= end_) fail(std::string("truncated skip section while reading ") + what);
    return static_cast<uint8_t>(d_[pos_++]);
}

uint64_t ByteReader::varint(const char* what) {
    size_t start = pos_;
    uint64_t v = 0;
    for (unsigned shift = 0;; shift += 7) {
        if (shift > 63) throw SkipDecodeError{start, std::string("varint too long in ") + what};
        uint8_t b = u8(what);
        v |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80)) return v;
    }
}

const unsigned char* ByteReader::bytes(size_t n, const char* what) {
    if (end_ - pos_ < n) fail(std::string("truncated skip section while reading ") + what);
    auto* p = reinterpret_cast<const unsigned char*>(d_.data() + pos_);
    pos_ += n;
    return p;
}

void encodeSkipRecord(const SkipRecord& rec, std::string& out) {
    if (rec.kind == SkipRecord::Kind::Count) {
        out.push_back(kCount);
        putVarint(out, rec.perUnit);
        return;
    }
    if (rec.kind == SkipRecord::Kind::Dense || !rec.base || rec.base->rows.empty()) {
        out.push_back(kDense);
        return;
    }
    const SkipSet& s = *rec.base;
    out.push_back(kExplicit);
    putVarint(out, rec.period);
    putVarint(out, rec.repeat);
    putVarint(out, s.rows.size());
    out += encodeRows(s, rec.period);
    std::map<int64_t, uint64_t> palette;
    for (size_t i = 0; i < s.rows.size(); ++i) palette[int64_t(s.refs[i]) - int64_t(s.rows[i])] = 0;
    putVarint(out, palette.size());
    uint64_t idx = 0;
    for (auto& p : palette) {
        p.second = idx++;
        putVarint(out, zigzag(p.first));
    }
    unsigned bits = ceilLog2(palette.size());
    if (bits == 0) return;
    std::string packed((s.rows.size() * bits + 7) / 8, '\0');
    uint64_t bitPos = 0;
    for (size_t i = 0; i < s.rows.size(); ++i) {
        uint64_t v = palette[int64_t(s.refs[i]) - int64_t(s.rows[i])];
        for (unsigned b = 0; b < bits; ++b, ++bitPos)
            if (v >> b & 1) packed[bitPos / 8] = static_cast<char>(packed[bitPos / 8] | (1 << (bitPos % 8)));
    }
    out += packed;
}

void encodeSameRecord(uint64_t index, std::string& out) {
    out.push_back(kSame);
    putVarint(out, index);
}

int64_t decodeSkipRecord(ByteReader& r, SkipRecord& rec) {
    size_t start = r.pos();
    uint8_t tag = r.u8("record tag");
    if (tag == kSame) return static_cast<int64_t>(r.varint("record index"));
    rec = SkipRecord{};
    if (tag == kDense) return -1;
    if (tag == kCount) {
        rec.kind = SkipRecord::Kind::Count;
        rec.perUnit = r.varint("skip count");
        return -1;
    }
    if (tag != kExplicit)
        throw SkipDecodeError{start, "unknown skip record tag " + std::to_string(tag) + "; allowed 0-3"};
    rec.kind = SkipRecord::Kind::Explicit;
    rec.period = r.varint("period");
    rec.repeat = r.varint("repeat");
    uint64_t count = r.varint("row count");
    if (rec.period == 0 || rec.period > (uint64_t(1) << 31) || rec.repeat == 0 || rec.repeat > 4096)
        throw SkipDecodeError{start,
                              "bad period " + std::to_string(rec.period) + " x repeat " + std::to_string(rec.repeat)};
    if (count == 0 || count >= rec.period)
        throw SkipDecodeError{start, "row count " + std::to_string(count) + " out of range; allowed 1.." +
                                         std::to_string(rec.period - 1) + " (period " + std::to_string(rec.period) +
                                         ")"};
    auto set = std::make_shared<SkipSet>();
    set->rows.reserve(count);
    std::vector<uint8_t> skipped(rec.period, 0);
    uint8_t enc = r.u8("row encoding");
    if (enc == 0) {
        int64_t prev = -1;
        for (uint64_t i = 0; i < count; ++i) {
            size_t at = r.pos();
            uint64_t row = static_cast<uint64_t>(prev + 1) + r.varint("row gap");
            if (row >= rec.period)
                throw SkipDecodeError{
                    at, "row " + std::to_string(row) + " out of range; allowed 0.." + std::to_string(rec.period - 1)};
            set->rows.push_back(static_cast<uint32_t>(row));
            skipped[row] = 1;
            prev = static_cast<int64_t>(row);
        }
    } else if (enc == 1) {
        size_t at = r.pos();
        const unsigned char* bm = r.bytes((rec.period + 7) / 8, "row bitmap");
        for (uint64_t row = 0; row < (rec.period + 7) / 8 * 8; ++row)
            if (bm[row / 8] >> (row % 8) & 1) {
                if (row >= rec.period)
                    throw SkipDecodeError{at + row / 8, "row bitmap sets row " + std::to_string(row) +
                                                            " beyond period " + std::to_string(rec.period)};
                set->rows.push_back(static_cast<uint32_t>(row));
                skipped[row] = 1;
            }
        if (set->rows.size() != count)
            throw SkipDecodeError{at, "row bitmap has " + std::to_string(set->rows.size()) + " rows set, record says " +
                                          std::to_string(count)};
    } else {
        r.fail("unknown row encoding " + std::to_string(enc) + "; allowed 0 (gaps) or 1 (bitmap)");
    }
    uint64_t npal = r.varint("palette size");
    if (npal == 0 || npal > count)
        r.fail("palette size " + std::to_string(npal) + " out of range 1.." + std::to_string(count));
    std::vector<int64_t> palette(npal);
    for (auto& p : palette) p = unzigzag(r.varint("palette entry"));
    unsigned bits = ceilLog2(npal);
    size_t at = r.pos();
    const unsigned char* packed = bits ? r.bytes((count * bits + 7) / 8, "reference indices") : nullptr;
    set->refs.resize(count);
    uint64_t bitPos = 0;
    for (uint64_t i = 0; i < count; ++i) {
        uint64_t v = 0;
        for (unsigned b = 0; b < bits; ++b, ++bitPos) v |= uint64_t(packed[bitPos / 8] >> (bitPos % 8) & 1) << b;
        if (v >= npal)
            throw SkipDecodeError{at + (bitPos - 1) / 8, "reference index " + std::to_string(v) +
                                                             " beyond palette size " + std::to_string(npal)};
        int64_t ref = int64_t(set->rows[i]) + palette[v];
        auto row = [&] { return std::to_string(set->rows[i]); };  // only for an error message
        if (ref < 0 || ref >= int64_t(rec.period))
            throw SkipDecodeError{at, "reference " + std::to_string(ref) + " of row " + row() +
                                          " out of range; allowed 0.." + std::to_string(rec.period - 1)};
        if (skipped[ref])
            throw SkipDecodeError{at, "reference " + std::to_string(ref) + " of row " + row() + " is itself skipped"};
        set->refs[i] = static_cast<uint32_t>(ref);
    }
    rec.base = std::move(set);
    return -1;
}

}  // namespace vgm::workload
