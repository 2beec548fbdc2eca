#pragma once
// A command's dependency list: up to kInline ranges stored in the command
// itself, more on the heap. Almost every command has one to three ranges, so
// lowering a video no longer allocates (and frees) a vector per command.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <vector>

namespace vgm::program {

// Commands [first, first + count) of the program. `frees`: each listed command
// that acquired buffer bytes counts this one as one of its users; its bytes
// return when all its users have retired. A command that acquires bytes has
// users >= 1 (a program where nothing frees them is rejected).
struct DepRange {
    uint64_t first = 0;
    uint32_t count = 0;
    bool frees = false;
};

class DepList {
public:
    static constexpr uint32_t kInline = 3;
    DepList() = default;
    DepList(std::initializer_list<DepRange> l) { append(l.begin(), l.end()); }
    DepList(const std::vector<DepRange>& v) { append(v.data(), v.data() + v.size()); }  // NOLINT: implicit by design
    DepList(const DepList& o) { append(o.begin(), o.end()); }
    DepList(DepList&& o) noexcept { take(o); }
    DepList& operator=(const DepList& o) {
        if (this != &o) clear(), append(o.begin(), o.end());
        return *this;
    }
    DepList& operator=(DepList&& o) noexcept {
        if (this != &o) heap_.reset(), size_ = cap_ = 0, take(o);
        return *this;
    }
    DepList& operator=(std::initializer_list<DepRange> l) { return clear(), append(l.begin(), l.end()), *this; }
    DepList& operator=(const std::vector<DepRange>& v) {
        return clear(), append(v.data(), v.data() + v.size()), *this;
    }

    const DepRange* begin() const { return data(); }
    const DepRange* end() const { return data() + size_; }
    DepRange* begin() { return data(); }
    DepRange* end() { return data() + size_; }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const DepRange& operator[](size_t i) const { return data()[i]; }
    DepRange& operator[](size_t i) { return data()[i]; }
    const DepRange& back() const { return data()[size_ - 1]; }
    void clear() { size_ = 0; }
    void reserve(size_t n) {
        if (n > capacity()) grow(n);
    }
    void push_back(const DepRange& d) {
        if (size_ == capacity()) grow(std::max<size_t>(2 * size_, 8));
        data()[size_++] = d;
    }
    // insert(end(), first, last): the only insertion position lowering uses.
    template <class It>
    void insert(const DepRange* pos, It first, It last) {
        if (pos != end()) throw std::logic_error("DepList: insert only at the end");
        for (; first != last; ++first) push_back(*first);
    }
    operator std::vector<DepRange>() const { return {begin(), end()}; }  // NOLINT

private:
    DepRange* data() { return heap_ ? heap_.get() : inline_; }
    const DepRange* data() const { return heap_ ? heap_.get() : inline_; }
    size_t capacity() const { return heap_ ? cap_ : kInline; }
    template <class It>
    void append(It first, It last) {
        reserve(size_ + size_t(last - first));
        for (; first != last; ++first) data()[size_++] = *first;
    }
    void grow(size_t n) {
        auto h = std::make_unique<DepRange[]>(n);
        std::copy(begin(), end(), h.get());
        heap_ = std::move(h);
        cap_ = uint32_t(n);
    }
    void take(DepList& o) {
        size_ = o.size_;
        if (o.heap_) {
            heap_ = std::move(o.heap_), cap_ = o.cap_;
        } else {
            std::copy(o.inline_, o.inline_ + o.size_, inline_);
        }
        o.size_ = 0, o.cap_ = 0;
    }
    DepRange inline_[kInline];
    std::unique_ptr<DepRange[]> heap_;
    uint32_t size_ = 0, cap_ = 0;
};

}  // namespace vgm::program
